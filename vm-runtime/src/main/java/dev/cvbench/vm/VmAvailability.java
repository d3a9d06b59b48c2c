package dev.cvbench.vm;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.vm.host.EmbedRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether VMs can run here with the embedded driver, without opening a connection: for {@code cvbench doctor}
 * and for a sandbox's availability. Each "no" carries the fix.
 */
public final class VmAvailability {
    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Path[] LIBVIRT = {Path.of("/usr/lib/x86_64-linux-gnu/libvirt.so.0"),
        Path.of("/usr/lib64/libvirt.so.0"), Path.of("/usr/lib/libvirt.so.0")};
    private static final Path QEMU_DRIVER = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/"
            + "libvirt_driver_qemu.so");

    private VmAvailability() {
    }

    public static Availability embedded() {
        if (!Files.isExecutable(QEMU)) {
            return Availability.no("qemu-system-x86_64 is not installed", "apt-get install qemu-system-x86");
        }
        boolean lib = false;
        for (Path p : LIBVIRT) {
            lib |= Files.exists(p);
        }
        if (!lib) {
            return Availability.no("libvirt is not installed", "apt-get install libvirt0 libvirt-daemon-driver-qemu");
        }
        if (!Files.exists(QEMU_DRIVER)) {
            return Availability.no("libvirt's QEMU driver is not installed", "apt-get install libvirt-daemon-driver-qemu");
        }
        try {
            var missing = EmbedRoot.checkUser(Files.readAllLines(Path.of("/etc/passwd")),
                    Files.readAllLines(Path.of("/etc/group")));
            if (missing.isPresent()) {
                return Availability.no("libvirt needs the " + missing.get() + " even when embedded",
                        "groupadd -r libvirt-qemu; useradd -r -g libvirt-qemu -d /nonexistent -s /usr/sbin/nologin"
                                + " libvirt-qemu");
            }
        } catch (IOException e) {
            // unreadable account files: let the connection attempt report it
        }
        if (!"0".equals(uid())) {
            return Availability.no("the embedded libvirt driver needs root here", "run cvbench as root");
        }
        return Availability.yes();
    }

    private static String uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1];
                }
            }
        } catch (IOException e) {
            return "";
        }
        return "";
    }
}
