package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.vm.image.KernelFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelChoiceTest {
    @TempDir
    Path dir;

    @Test
    void flavorsAndPaths() throws Exception {
        assertThat(KernelChoice.parse("cloud")).isEqualTo(new KernelChoice.Debian(KernelFetcher.Flavor.CLOUD));
        assertThat(KernelChoice.parse(" Generic ")).isEqualTo(new KernelChoice.Debian(KernelFetcher.Flavor.GENERIC));
        Path k = Files.writeString(dir.resolve("vmlinuz-test"), "not really a kernel");
        assertThat(KernelChoice.parse(k.toString())).isEqualTo(new KernelChoice.File(k));
        assertThat(KernelChoice.parse("cloud").label()).isEqualTo("cloud");
    }

    @Test
    void missingPathOrUnknownWordIsBadInput() {
        assertThatThrownBy(() -> KernelChoice.parse(dir.resolve("nope").toString()))
                .isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> KernelChoice.parse("fedora"))
                .isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("cloud, generic");
        assertThatThrownBy(() -> KernelChoice.parse(dir.toString()))
                .isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("not a file");
    }

    @Test
    void instanceOptionOverridesTheDefault() throws Exception {
        assertThat(KernelChoice.fromOptions(Map.of(), KernelChoice.cloud())).isEqualTo(KernelChoice.cloud());
        assertThat(KernelChoice.fromOptions(Map.of("kernel", "generic"), KernelChoice.cloud()))
                .isEqualTo(new KernelChoice.Debian(KernelFetcher.Flavor.GENERIC));
    }
}
