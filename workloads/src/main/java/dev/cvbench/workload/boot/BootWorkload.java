package dev.cvbench.workload.boot;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.wire.AgentMessage;
import dev.cvbench.core.wire.WireFormat;
import dev.cvbench.core.workload.AgentRun;
import dev.cvbench.core.workload.Workload;
import dev.cvbench.core.workload.WorkloadContext;
import dev.cvbench.core.workload.WorkloadException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Boot time: from "launch requested" to "the instance's process has run and exited", for the trivial
 * {@link BootAgent}. On the host that is a process spawn of the same agent entry point, so container and
 * VM numbers are directly comparable. Also reports when the agent said it was ready, and every phase the
 * sandbox observed on the way (for a VM: QEMU up, first console output, init started, ...), each as
 * milliseconds after the launch request.
 */
public final class BootWorkload implements Workload {
    public static final String NAME = "boot";

    static final Metric BOOT = Metric.lower("boot_time_ms", "ms", "launch requested to the command exited");
    static final Metric READY = Metric.lower("ready_time_ms", "ms", "launch requested to the agent's ready line");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "time from launch request to a trivial agent command having run and exited";
    }

    @Override
    public Set<Capability> requires() {
        return Set.of(Capability.AGENT);
    }

    @Override
    public Map<String, String> defaultParameters() {
        return Map.of();
    }

    @Override
    public List<Measurement> run(WorkloadContext ctx) throws WorkloadException, InterruptedException {
        InstanceSpec spec = InstanceSpec.of(Command.agent(NAME).withJvmOptions("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"))
                .timeout(ctx.timeout())
                .build();
        AgentRun run = AgentRun.execute(NAME, ctx.sandbox(), spec);
        return measurements(run.instance().phases(), run.messages(), ctx.sandbox().kind().id(), run);
    }

    static List<Measurement> measurements(List<PhaseMark> phases, List<AgentMessage> messages, String sandbox, AgentRun run)
            throws WorkloadException {
        long launch = find(phases, PhaseMark.LAUNCH_REQUESTED)
                .orElseThrow(() -> new WorkloadException(NAME + " in " + sandbox + ": sandbox recorded no launch_requested phase",
                        run == null ? List.of() : AgentRun.tail(run.lines())));
        long exited = find(phases, PhaseMark.EXITED)
                .orElseThrow(() -> new WorkloadException(NAME + " in " + sandbox + ": sandbox recorded no exited phase",
                        run == null ? List.of() : AgentRun.tail(run.lines())));
        List<Measurement> out = new ArrayList<>();
        out.add(Measurement.of(BOOT, millis(exited - launch)));
        messages.stream().filter(m -> m.is(WireFormat.READY)).findFirst()
                .ifPresent(m -> out.add(Measurement.of(READY, millis(m.arrivalNanos() - launch))));
        for (PhaseMark p : phases) {
            String name = p.name();
            if (name.equals(PhaseMark.LAUNCH_REQUESTED) || name.equals(PhaseMark.EXITED) || p.nanos() < launch) {
                continue;
            }
            out.add(Measurement.of(Metric.lower("phase_" + name + "_ms", "ms", "launch requested to " + name.replace('_', ' ')),
                    millis(p.nanos() - launch)));
        }
        return out;
    }

    private static Optional<Long> find(List<PhaseMark> phases, String name) {
        return phases.stream().filter(p -> p.name().equals(name)).map(PhaseMark::nanos).findFirst();
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
