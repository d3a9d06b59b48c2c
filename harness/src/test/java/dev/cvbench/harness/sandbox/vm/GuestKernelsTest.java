package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.harness.env.Kvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestKernelsTest {
    @TempDir
    Path cache;

    @Test
    void findsUnpackedKernelsWhereTheFetcherPutsThem() throws Exception {
        Path kernels = VmPaths.kernels(cache);
        assertThat(GuestKernels.cached(kernels)).isEmpty();
        Files.createDirectories(kernels.resolve("debs"));
        Files.createDirectories(kernels.resolve("linux-image-6.1.0-9-cloud-amd64.tmp123/boot"));
        Files.writeString(kernels.resolve("linux-image-6.1.0-9-cloud-amd64.tmp123/boot/vmlinuz-6.1.0-9-cloud-amd64"), "");
        assertThat(GuestKernels.cached(kernels)).as("half-unpacked packages do not count").isEmpty();
        Files.createDirectories(kernels.resolve("linux-image-6.1.0-9-cloud-amd64/boot"));
        Files.writeString(kernels.resolve("linux-image-6.1.0-9-cloud-amd64/boot/vmlinuz-6.1.0-9-cloud-amd64"), "");
        Files.writeString(kernels.resolve("linux-image-6.1.0-9-cloud-amd64/boot/config-6.1.0-9-cloud-amd64"), "");
        assertThat(GuestKernels.cached(kernels)).containsExactly("6.1.0-9-cloud-amd64");
    }

    @Test
    void kvmDescriptionTellsTheThreeCasesApart() {
        assertThat(Kvm.describe(false, false, false)).startsWith("absent").contains("TCG");
        assertThat(Kvm.describe(true, false, false)).startsWith("present but cannot be opened");
        assertThat(Kvm.describe(true, true, false)).contains("QEMU cannot start a KVM vCPU").contains("emulated");
        assertThat(Kvm.describe(true, true, true)).startsWith("usable");
    }
}
