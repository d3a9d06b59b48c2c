package dev.cvbench.vm.bench;

import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.boot.BootPhases;
import dev.cvbench.vm.boot.ConsoleLog;
import dev.cvbench.vm.boot.ConsoleServer;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.KernelCmdline;
import dev.cvbench.vm.spec.VmSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Boots a {@link VmSpec} with {@code qemu-system-x86_64} directly, without libvirt, with the options libvirt
 * generates for the same domain XML (machine, accelerator, CPU model, memory, vcpus, -nodefaults, no USB, serial
 * on a UNIX socket client, -no-reboot for on_reboot=destroy), and the same console capture, so the difference
 * between the two is what libvirt adds.
 */
final class DirectQemu {
    private static final String QEMU = "/usr/bin/qemu-system-x86_64";

    private DirectQemu() {
    }

    static List<String> argv(VmSpec spec, DomainType type, Path socket) throws VmException.CommandLineTooLong {
        List<String> a = new ArrayList<>();
        a.add(QEMU);
        a.addAll(List.of("-name", "guest=" + spec.domainName()));
        a.addAll(List.of("-machine", spec.machine() + ",usb=off,accel=" + (type == DomainType.KVM ? "kvm" : "tcg")));
        a.addAll(List.of("-cpu", type == DomainType.KVM ? "host" : "max"));
        a.addAll(List.of("-m", spec.memory().mib() + "M", "-smp", Integer.toString(spec.vcpus())));
        a.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none", "-no-reboot", "-rtc", "base=utc"));
        a.addAll(List.of("-kernel", spec.kernel().toString(), "-initrd", spec.initramfs().toString()));
        a.addAll(List.of("-append", KernelCmdline.of(spec)));
        a.addAll(List.of("-chardev", "socket,id=charserial0,path=" + socket));
        a.addAll(List.of("-serial", "chardev:charserial0"));
        return a;
    }

    /** Boots, waits for the guest to power off, and returns the phases. */
    static List<PhaseMark> run(VmSpec spec, DomainType type, Path socket, long timeoutSeconds)
            throws VmException, IOException, InterruptedException {
        ConsoleLog log = new ConsoleLog();
        try (ConsoleServer server = ConsoleServer.listen(socket, log, Optional.empty(), "direct-" + spec.name())) {
            List<String> argv = argv(spec, type, server.socket());
            long launch = System.nanoTime();
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new VmException.BootTimeout(spec.domainName(), "exit (direct QEMU)",
                            timeoutSeconds * 1000, log.lastLines(10));
                }
                long gone = System.nanoTime();
                log.awaitEnd(java.time.Duration.ofSeconds(5));
                return BootPhases.of(launch, log.connectedNanos(), log.firstByteNanos(), log.lines(),
                        OptionalLong.of(gone));
            } finally {
                p.destroyForcibly();
            }
        }
    }
}
