package dev.cvbench.workload.memory;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.workload.AgentRun;
import dev.cvbench.core.workload.Workload;
import dev.cvbench.core.workload.WorkloadContext;
import dev.cvbench.core.workload.WorkloadException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Memory bandwidth with the four STREAM kernels ({@link StreamAgent}). The array size is fixed on the
 * host, before any instance starts ({@code array_mb=auto}: 4x the host's total last-level cache, at least
 * 64 MB), so every sandbox moves exactly the same data. Each repetition launches one instance that reports
 * one sample per kernel per iteration.
 */
public final class MemoryBandwidthWorkload implements Workload {
    public static final String NAME = "memory-bandwidth";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "STREAM copy/scale/add/triad bandwidth, one thread per CPU, arrays 4x the last-level cache";
    }

    @Override
    public Set<Capability> requires() {
        return Set.of(Capability.AGENT);
    }

    @Override
    public Map<String, String> defaultParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("array_mb", "auto");
        p.put("iterations", "10");
        p.put("threads", "auto");
        return p;
    }

    /** Resolves {@code array_mb=auto} against the host's cache: what every sandbox will then use. */
    public static int arrayMb(String value, long llcBytes) {
        if (!value.equals("auto")) {
            try {
                int mb = Integer.parseInt(value.trim());
                if (mb > 0 && mb < 16384) {
                    return mb;
                }
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
            throw new IllegalArgumentException("array_mb must be 'auto' or a size in MB between 1 and 16383, was '" + value + "'");
        }
        long mb = llcBytes > 0 ? (4 * llcBytes + (1 << 20) - 1) >> 20 : 64;
        return (int) Math.max(64, mb);
    }

    /** Heap for three arrays plus a small young generation, so the arrays fit the old generation whole. */
    static int heapMb(int arrayMb) {
        return 3 * arrayMb + 128;
    }

    /**
     * The agent command for one STREAM run: a fixed heap (pre-touched, so page faults are not timed) sized
     * for the arrays, with a small young generation so the arrays go straight to the old generation.
     */
    public static Command.Agent agentCommand(int arrayMb, int iterations, String threads) {
        int heap = heapMb(arrayMb);
        return Command.agent(NAME, "--array-mb", Integer.toString(arrayMb), "--iterations", Integer.toString(iterations), "--threads", threads)
                .withJvmOptions("-Xms" + heap + "m", "-Xmx" + heap + "m", "-Xmn32m", "-XX:+UseParallelGC", "-XX:+AlwaysPreTouch");
    }

    @Override
    public List<Measurement> run(WorkloadContext ctx) throws WorkloadException, InterruptedException {
        int arrayMb = arrayMb(ctx.param("array_mb"), CacheInfo.lastLevelCacheBytes());
        Command.Agent agent = agentCommand(arrayMb, ctx.intParam("iterations"), ctx.param("threads"));
        InstanceSpec spec = InstanceSpec.of(agent)
                .timeout(ctx.timeout())
                .option("min_memory_mb", Integer.toString(heapMb(arrayMb) + 160))
                .build();
        AgentRun run = AgentRun.execute(NAME, ctx.sandbox(), spec);
        List<Measurement> out = run.measurements();
        if (out.size() != StreamKernels.NAMES.length) {
            throw new WorkloadException(NAME + " in " + ctx.sandbox().kind() + ": expected samples for 4 kernels, got "
                    + out.size(), AgentRun.tail(run.lines()));
        }
        return out;
    }
}
