package dev.cvbench.harness.run;

import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.core.workload.Workload;
import java.time.Duration;
import java.util.Map;

/**
 * One (workload, parameters, sandbox) cell of a run: the unit the runner executes and the report compares.
 *
 * @param parameters the workload's defaults overlaid with the suite's values
 */
public record Step(Workload workload, Map<String, String> parameters, SandboxKind sandbox, int repetitions, int warmup, Duration timeout) {
    public Step {
        parameters = Map.copyOf(parameters);
    }

    public String label() {
        return workload.name() + " @ " + sandbox.id();
    }
}
