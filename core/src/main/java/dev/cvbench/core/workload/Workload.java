package dev.cvbench.core.workload;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.sandbox.Capability;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver side of a workload: plans instances in whatever sandbox it is given and turns the agent's
 * {@code CVBENCH} lines into {@link Measurement}s. It never knows which sandbox it is in.
 *
 * <p>The harness calls {@link #run} once per repetition (warm-up repetitions are run and discarded).
 */
public interface Workload {
    /** The kebab-case name used on the command line and in suite files ({@code memory-bandwidth}). */
    String name();

    /** One sentence for {@code cvbench list} and the report. */
    String description();

    /** What a sandbox must offer; where it does not, the pair is skipped with a reason. */
    Set<Capability> requires();

    /** Every parameter this workload takes, with its default; unknown parameters are refused. */
    Map<String, String> defaultParameters();

    /** Runs one repetition. */
    List<Measurement> run(WorkloadContext ctx) throws WorkloadException, InterruptedException;
}
