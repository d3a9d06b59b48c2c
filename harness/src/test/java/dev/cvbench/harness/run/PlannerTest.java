package dev.cvbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.suite.Suite;
import dev.cvbench.harness.suite.SuiteLoader;
import dev.cvbench.workload.WorkloadCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private final Planner planner = new Planner(WorkloadCatalog.load());

    private static RunOptions options(List<String> runtimes, List<String> workloads, Integer reps, Integer warmup) {
        return new RunOptions("quick", runtimes, workloads, reps, warmup, null);
    }

    @Test
    void quickSuitePlansEveryWorkloadOnEveryRuntimeHostFirst() throws Exception {
        RunPlan p = planner.plan(SuiteLoader.load("quick"), options(List.of("vm", "host"), null, null, null));
        assertThat(p.runtimes()).containsExactly(SandboxKind.HOST, SandboxKind.VM);
        assertThat(p.steps()).extracting(Step::label).containsExactly("boot @ host", "boot @ vm", "memory-bandwidth @ host", "memory-bandwidth @ vm");
        Step mb = p.steps().get(2);
        assertThat(mb.parameters()).containsEntry("iterations", "5").containsEntry("array_mb", "auto");
        assertThat(mb.repetitions()).isEqualTo(2);
    }

    @Test
    void commandLineOverridesTheSuite() throws Exception {
        RunPlan p = planner.plan(SuiteLoader.load("quick"), options(List.of("host"), List.of("memory-bandwidth"), 7, 2));
        assertThat(p.steps()).hasSize(1);
        assertThat(p.steps().get(0).repetitions()).isEqualTo(7);
        assertThat(p.steps().get(0).warmup()).isEqualTo(2);
    }

    @Test
    void aKnownWorkloadMissingFromTheSuiteRunsWithDefaults() throws Exception {
        Suite only = new Suite("x", "", List.of("host"), 1, 0, 60, List.of(dev.cvbench.harness.suite.WorkloadEntry.named("boot")));
        RunPlan p = planner.plan(only, options(null, List.of("memory-bandwidth"), null, null));
        assertThat(p.steps().get(0).parameters()).containsEntry("iterations", "10");
    }

    @Test
    void badOverridesAreNamed() {
        assertThatThrownBy(() -> planner.plan(SuiteLoader.load("quick"), options(List.of("lxc"), null, null, null)))
                .hasMessageContaining("unknown runtime 'lxc'");
        assertThatThrownBy(() -> planner.plan(SuiteLoader.load("quick"), options(null, List.of("fio"), null, null)))
                .hasMessageContaining("unknown workload 'fio'");
        assertThatThrownBy(() -> planner.plan(SuiteLoader.load("quick"), options(null, null, 0, null)))
                .hasMessageContaining("--repetitions must be at least 1");
    }
}
