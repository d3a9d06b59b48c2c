package dev.cvbench.vm.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether KVM really works here, in two steps:
 *
 * <ol>
 *   <li>{@code /dev/kvm} exists and opens read-write (a machine without VT-x/AMD-V, a container without the
 *       device, or a user outside the {@code kvm} group fail here);</li>
 *   <li>QEMU can create a KVM vCPU with the CPU model cvbench uses ({@code -cpu host}): it is started paused
 *       ({@code -S}) and told to quit. Nested hypervisors often expose /dev/kvm but refuse some host MSRs (QEMU
 *       then aborts with "failed to set MSR 0x10a"); the probe catches that in about 0.2 s.</li>
 * </ol>
 *
 * The answer is computed once per JVM.
 */
public final class KvmProbe {
    private static final Path DEV_KVM = Path.of("/dev/kvm");
    private static final String QEMU = "/usr/bin/qemu-system-x86_64";
    private static Boolean cached;

    private KvmProbe() {
    }

    /** True when KVM guests with {@code -cpu host} can start here. */
    public static synchronized boolean kvmUsable() {
        if (cached == null) {
            cached = deviceUsable(DEV_KVM) && qemuCanStartKvm();
        }
        return cached;
    }

    static boolean deviceUsable(Path device) {
        if (!Files.exists(device)) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return ch.isOpen();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean qemuCanStartKvm() {
        if (!Files.isExecutable(Path.of(QEMU))) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(List.of(QEMU, "-machine", "pc,accel=kvm", "-cpu", "host", "-S",
                    "-display", "none", "-nodefaults", "-monitor", "stdio"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("quit\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
