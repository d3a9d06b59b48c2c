package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.vm.boot.BootPhases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a VM's boot phases into the phases of a sandbox instance. The VM runtime starts its clock at the
 * libvirt create call; the sandbox starts it when {@code launch} was called, so the cost of preparing the
 * launch (address lease, domain XML, console socket) is part of the boot time as it is for containers. Every
 * VM phase is kept; the runtime's own start is renamed {@value #DOMAIN_CREATE}, and {@code command_done} (init
 * printed the exit status) is also recorded as {@link PhaseMark#EXITED}, the phase the boot workload ends at:
 * <pre>
 * launch_requested  sandbox launch() called            (sandbox)
 * domain_create     libvirt create call                (VM runtime's launch_requested)
 * qemu_up, domain_running, first_output, init_started, agent_ready, command_done, gone
 * exited            = command_done                     (sandbox)
 * </pre>
 */
public final class VmPhases {
    /** The VM runtime's launch_requested, renamed. */
    public static final String DOMAIN_CREATE = "domain_create";

    private VmPhases() {}

    /** The instance phases for VM phases {@code vm} of a launch requested at {@code requestedNanos}, in time order. */
    public static List<PhaseMark> of(long requestedNanos, List<PhaseMark> vm) {
        List<PhaseMark> out = new ArrayList<>();
        out.add(new PhaseMark(PhaseMark.LAUNCH_REQUESTED, requestedNanos));
        for (PhaseMark p : vm) {
            if (p.name().equals(PhaseMark.LAUNCH_REQUESTED)) {
                out.add(new PhaseMark(DOMAIN_CREATE, p.nanos()));
            } else {
                out.add(p);
                if (p.name().equals(BootPhases.COMMAND_DONE)) {
                    out.add(new PhaseMark(PhaseMark.EXITED, p.nanos()));
                }
            }
        }
        out.sort(Comparator.comparingLong(PhaseMark::nanos));
        return List.copyOf(out);
    }
}
