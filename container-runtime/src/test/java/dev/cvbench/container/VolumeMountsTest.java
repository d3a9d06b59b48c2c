package dev.cvbench.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.state.RuntimeRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code dev.cvbench.mounts} annotation: sealed by a golden file, since --volumes-from reads what another process wrote. */
class VolumeMountsTest {
    private static final List<VolumeMounts.Mount> MOUNTS = List.of(
            new VolumeMounts.Mount("/run/cvbench/volumes/logs/_data", "/var/log/app", false, "logs"),
            new VolumeMounts.Mount("/srv/conf", "/etc/app", true, null));

    private static String golden() throws Exception {
        try (var in = VolumeMountsTest.class.getResourceAsStream("/golden/mounts-annotation.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    private static RuntimeRecord record(Map<String, String> annotations) {
        return new RuntimeRecord("app", "", 1, 1, 0, 0, "/cvbench/app", true, false, "now", List.of("sh"), annotations);
    }

    @Test
    void writesTheGoldenFormat() throws Exception {
        assertThat(VolumeMounts.toJson(MOUNTS)).isEqualTo(golden());
    }

    @Test
    void readsItBack() throws Exception {
        assertThat(VolumeMounts.recorded(record(Map.of(VolumeMounts.ANNOTATION, golden())))).isEqualTo(MOUNTS);
        assertThat(VolumeMounts.recorded(record(Map.of()))).isEmpty();
    }

    @Test
    void aCorruptAnnotationIsOneLine() {
        assertThatThrownBy(() -> VolumeMounts.recorded(record(Map.of(VolumeMounts.ANNOTATION, "[{"))))
                .isInstanceOf(ContainerException.class).hasMessageStartingWith("corrupt dev.cvbench.mounts annotation of 'app'").hasMessageNotContaining("\n");
    }
}
