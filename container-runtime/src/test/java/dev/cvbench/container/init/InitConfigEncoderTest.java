package dev.cvbench.container.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.config.CheckContext;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.SpecConverter;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cvinit's config format is sealed by a golden file (the C parser in config.c reads exactly this). */
class InitConfigEncoderTest {
    @TempDir
    Path bundle;

    @Test
    void defaultSpecEncodesToTheGoldenFile() throws Exception {
        Files.createDirectories(bundle.resolve("rootfs"));
        Spec d = DefaultSpec.create(List.of("sh", "-c", "echo 100% done\n"), "rootfs");
        CheckContext ctx = new CheckContext(bundle, 2);
        ContainerConfig c = SpecConverter.convert(d, ctx).withRootfs(Path.of("/bundles/demo/rootfs"));
        CgroupLayout layout = new CgroupLayout.V1(Map.of("memory", Path.of("/sys/fs/cgroup/memory"), "cpu",
                Path.of("/sys/fs/cgroup/cpu")));
        String encoded = InitConfigEncoder.encode(c, new InitOptions(false, Optional.of(Path.of("/run/cvbench/demo/exec.fifo")),
                Optional.of(Path.of("/run/cvbench/demo/exit")), false), layout);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/golden/init-config.txt"), encoded);
        }
        String golden = new String(InitConfigEncoderTest.class.getResourceAsStream("/golden/init-config.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(encoded).isEqualTo(golden);
    }

    @Test
    void percentEncodingKeepsSpacesNewlinesAndUnicodeApart() {
        assertThat(InitConfigEncoder.percent("a b\n%é")).isEqualTo("a%20b%0A%25%C3%A9");
        assertThat(InitConfigEncoder.percent("")).isEmpty();
    }

    @Test
    void cgroupMountBecomesCgroup2OnV2() {
        var m = new ContainerConfig.MountConfig("cgroup", "/sys/fs/cgroup", "cgroup", 1, 0, "");
        assertThat(InitConfigEncoder.expand(m, new CgroupLayout.V2(Path.of("/sys/fs/cgroup")), true))
                .containsExactly(new ContainerConfig.MountConfig("cgroup2", "/sys/fs/cgroup", "cgroup2", 1, 0, ""));
    }
}
