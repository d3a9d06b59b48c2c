package dev.cvbench.harness.env;

import dev.cvbench.vm.host.KvmProbe;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether hardware virtualisation is usable, in the two steps the VM runtime takes: {@code /dev/kvm} exists and
 * opens read-write ({@link #deviceOpens()}), and QEMU can really start a KVM vCPU with it ({@link #usable()},
 * the vm-runtime's {@link KvmProbe}: about 0.2 s, once per JVM). Nested hypervisors often pass the first step
 * and fail the second; VMs then run under TCG.
 */
public final class Kvm {
    private static final Path DEVICE = Path.of("/dev/kvm");

    private Kvm() {}

    /** True when QEMU can run KVM guests here: what decides the domain type. */
    public static boolean usable() {
        return KvmProbe.kvmUsable();
    }

    /** True when {@code /dev/kvm} exists and opens read-write (necessary, not sufficient). */
    public static boolean deviceOpens() {
        if (!Files.exists(DEVICE)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(DEVICE.toFile(), "rw")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** One line for people: what was found and what it means for VMs. */
    public static String describe(boolean deviceExists, boolean deviceOpens, boolean usable) {
        if (usable) {
            return "usable: VMs run as domain type kvm";
        }
        String why;
        if (!deviceExists) {
            why = "absent";
        } else if (!deviceOpens) {
            why = "present but cannot be opened read-write";
        } else {
            why = "present and opens, but QEMU cannot start a KVM vCPU with it (nested virtualisation without the needed"
                    + " features?)";
        }
        return why + ": VMs run under TCG emulation (domain type qemu); their numbers are marked emulated";
    }
}
