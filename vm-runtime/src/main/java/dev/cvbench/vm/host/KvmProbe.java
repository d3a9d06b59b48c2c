package dev.cvbench.vm.host;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Whether this process can use KVM: {@code /dev/kvm} exists and opens read-write (what QEMU needs). A machine
 * without VT-x/AMD-V, a container without the device, or a user outside the {@code kvm} group all fail here, and
 * the VM runtime falls back to TCG.
 */
public final class KvmProbe {
    private static final Path DEV_KVM = Path.of("/dev/kvm");

    private KvmProbe() {
    }

    public static boolean kvmUsable() {
        return usable(DEV_KVM);
    }

    static boolean usable(Path device) {
        if (!Files.exists(device)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return ch.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
