package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.vm.Vm;
import dev.cvbench.vm.VmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs one command in a fresh VM of an open {@link VmSandbox} and streams its output as it arrives: what
 * {@code cvbench vm run} does. The VM powers itself off when the command ends; it is destroyed whatever
 * happens.
 */
public final class GuestCommand {
    /** What the guest command did. */
    public record Result(int exitStatus, List<PhaseMark> phases, String domainType) {
        /** One line per phase, milliseconds after the launch request: {@code   init_started      1234.5 ms}. */
        public List<String> phaseLines() {
            long start = phases.isEmpty() ? 0 : phases.get(0).nanos();
            return phases.stream()
                    .map(p -> String.format(Locale.ROOT, "  %-18s %9.1f ms", p.name(), (p.nanos() - start) / 1e6))
                    .toList();
        }
    }

    private static final long POLL_MILLIS = 20;

    private GuestCommand() {}

    /**
     * Boots {@code spec} in {@code sandbox}, hands each line of the command's output to {@code out} as it
     * arrives, and returns the exit status and boot phases once the guest has powered off.
     *
     * @throws HarnessException when the VM cannot boot, never reaches init, or ends without an exit status (the
     *     message has the last console lines); the domain is gone by then
     */
    public static Result run(VmSandbox sandbox, InstanceSpec spec, GuestOutput filter, Consumer<String> out)
            throws HarnessException, InterruptedException {
        Instance instance;
        try {
            instance = sandbox.launch(spec);
        } catch (SandboxException e) {
            if (e instanceof SandboxException.Unsupported || e.getCause() instanceof VmException.InvalidSpec
                    || e.getCause() instanceof HarnessException.BadInput) {
                throw new HarnessException.BadInput(e.getMessage(), e);
            }
            throw new HarnessException("cannot boot the VM: " + e.getMessage(), e);
        }
        try (instance) {
            Vm vm = VmSandbox.vmOf(instance);
            long deadline = System.nanoTime() + spec.timeout().toNanos();
            int shown = 0;
            while (true) {
                boolean finished = vm.exitCode().isPresent() || vm.qemuPid().isEmpty(); // reported, or QEMU gone (crash)
                List<ConsoleLine> lines = vm.lines();
                for (; shown < lines.size(); shown++) {
                    filter.accept(lines.get(shown).text()).ifPresent(out);
                }
                if (finished || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(POLL_MILLIS);
            }
            int status;
            try {
                status = vm.awaitExit(Duration.ofNanos(Math.max(Duration.ofSeconds(5).toNanos(), deadline - System.nanoTime())));
            } catch (VmException e) {
                throw new HarnessException(e.getMessage(), e);
            }
            List<ConsoleLine> rest = vm.lines();
            for (; shown < rest.size(); shown++) {
                filter.accept(rest.get(shown).text()).ifPresent(out);
            }
            return new Result(status, instance.phases(), vm.domainType().libvirtName());
        }
    }
}
