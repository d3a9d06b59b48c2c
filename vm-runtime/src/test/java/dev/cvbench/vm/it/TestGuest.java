package dev.cvbench.vm.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.vm.VmAvailability;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.image.BusyboxRootfs;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.image.InitramfsWriter;
import dev.cvbench.vm.image.KernelFetcher;
import dev.cvbench.vm.image.KernelImage;
import dev.cvbench.vm.image.ModuleResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the integration tests boot: the Debian cloud kernel (fetched once into a cache shared between runs)
 * and a busybox-only rootfs with cvbench's /init. Skips (with the reason printed) when the machine cannot.
 */
final class TestGuest {
    static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "cvbench-vm-it-cache");

    private static Path state;

    private TestGuest() {
    }

    /**
     * The state directory every IT in this JVM shares: libvirt allows one embedded-driver root per process.
     * Short, because console socket paths are limited to 107 bytes.
     */
    static synchronized Path stateDir() throws IOException {
        if (state == null) {
            state = Files.createDirectories(Path.of("/tmp/cvbench-vm-it"));
        }
        return state;
    }

    /** Skips the calling test unless root, QEMU and busybox are present. */
    static void assumeMachine() {
        assumeTrue(isRoot(), "skipped: integration tests boot VMs through libvirt's embedded driver, which needs root");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")),
                "skipped: qemu-system-x86_64 not installed (apt-get install qemu-system-x86)");
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "skipped: /bin/busybox missing (apt-get install busybox-static)");
        Availability a = VmAvailability.embedded();
        assumeTrue(a.available(), () -> "skipped: libvirt's embedded driver is unusable here: " + a.reason()
                + " (fix: " + a.fix() + ")");
    }

    static KernelImage kernel() throws VmException {
        String override = System.getenv("CVBENCH_TEST_KERNEL");
        if (override != null) {
            return KernelImage.fromPath(Path.of(override), Optional.empty());
        }
        try {
            return new KernelFetcher(CACHE.resolve("kernels")).fetch(KernelFetcher.Flavor.CLOUD);
        } catch (VmException.KernelNotFound e) {
            assumeTrue(false, "skipped: cannot fetch a Debian kernel: " + e.getMessage());
            throw e;
        }
    }

    /** Kernel + initramfs from a busybox rootfs, with the virtio-net modules. */
    static GuestImage image() throws VmException, IOException {
        KernelImage kernel = kernel();
        return GuestImage.prepare(kernel, busyboxRootfs(CACHE.resolve("rootfs-busybox")), CACHE.resolve("images"),
                ModuleResolver.VIRTIO_NET, InitramfsWriter.Compression.NONE);
    }

    static Path busyboxRootfs(Path dir) throws VmException, IOException {
        Files.createDirectories(dir.getParent());
        return BusyboxRootfs.create(dir);
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
