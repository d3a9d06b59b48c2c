package dev.cvbench.harness.run;

import dev.cvbench.core.sandbox.SandboxKind;
import java.util.List;

/** Everything a run will do, decided and validated before anything starts or is written. */
public record RunPlan(String suite, List<SandboxKind> runtimes, List<Step> steps, int repetitions, int warmup) {
    public RunPlan {
        runtimes = List.copyOf(runtimes);
        steps = List.copyOf(steps);
    }

    public List<String> workloadNames() {
        return steps.stream().map(s -> s.workload().name()).distinct().toList();
    }
}
