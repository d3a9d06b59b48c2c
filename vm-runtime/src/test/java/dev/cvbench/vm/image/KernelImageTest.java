package dev.cvbench.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelImageTest {
    @TempDir
    Path dir;

    @Test
    void findsModulesNextToAnUnpackedKernel() throws Exception {
        Path vmlinuz = Files.createDirectories(dir.resolve("boot")).resolve("vmlinuz-6.1.0-9-cloud-amd64");
        Files.writeString(vmlinuz, "k");
        Path mods = Files.createDirectories(dir.resolve("lib/modules/6.1.0-9-cloud-amd64"));
        KernelImage k = KernelImage.fromPath(vmlinuz, Optional.empty());
        assertThat(k.version()).isEqualTo("6.1.0-9-cloud-amd64");
        assertThat(k.modulesDir()).contains(mods);
    }

    @Test
    void missingKernelIsAClearError() {
        assertThatThrownBy(() -> KernelImage.fromPath(dir.resolve("vmlinuz-x"), Optional.empty()))
                .isInstanceOf(VmException.KernelNotFound.class).hasMessageContaining("does not exist");
    }

    @Test
    void metapackageResolvesToTheImagePackage() {
        String out = "linux-image-cloud-amd64\n  Depends: linux-image-6.1.0-56-cloud-amd64\n";
        assertThat(KernelFetcher.imagePackage(out)).contains("linux-image-6.1.0-56-cloud-amd64");
        assertThat(KernelFetcher.imagePackage("x\n  Depends: <virtual>\n")).isEmpty();
        assertThat(KernelFetcher.Flavor.parse("generic").metapackage()).isEqualTo("linux-image-amd64");
    }
}
