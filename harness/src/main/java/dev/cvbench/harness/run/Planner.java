package dev.cvbench.harness.run;

import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.core.workload.Workload;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.suite.Suite;
import dev.cvbench.harness.suite.SuiteValidator;
import dev.cvbench.harness.suite.WorkloadEntry;
import dev.cvbench.workload.WorkloadCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a suite plus command-line overrides into a {@link RunPlan}: workload-major order (every sandbox for
 * one workload, then the next), host first so ratios have their baseline early.
 */
public final class Planner {
    private final WorkloadCatalog catalog;

    public Planner(WorkloadCatalog catalog) {
        this.catalog = catalog;
    }

    public RunPlan plan(Suite suite, RunOptions options) throws HarnessException.BadInput {
        new SuiteValidator(catalog).validate(suite);
        checkCount("--repetitions", options.repetitions(), 1);
        checkCount("--warmup", options.warmup(), 0);
        List<SandboxKind> runtimes = runtimes(options.runtimes().isEmpty() ? suite.runtimes() : options.runtimes());
        List<WorkloadEntry> entries = select(suite.workloads(), options.workloads());
        List<Step> steps = new ArrayList<>();
        for (WorkloadEntry e : entries) {
            Workload w = catalog.find(e.name()).orElseThrow();
            Map<String, String> params = new LinkedHashMap<>(w.defaultParameters());
            params.putAll(e.parameters());
            int reps = first(options.repetitions(), e.repetitions(), suite.repetitions());
            int warm = first(options.warmup(), e.warmup(), suite.warmup());
            Duration timeout = Duration.ofSeconds(first(null, e.timeoutSeconds(), suite.timeoutSeconds()));
            for (SandboxKind k : runtimes) {
                steps.add(new Step(w, params, k, reps, warm, timeout));
            }
        }
        return new RunPlan(suite.name(), runtimes, steps,
                first(options.repetitions(), null, suite.repetitions()), first(options.warmup(), null, suite.warmup()));
    }

    private List<WorkloadEntry> select(List<WorkloadEntry> inSuite, List<String> wanted) throws HarnessException.BadInput {
        if (wanted.isEmpty()) {
            return inSuite;
        }
        List<WorkloadEntry> out = new ArrayList<>();
        for (String name : new LinkedHashSet<>(wanted)) {
            if (catalog.find(name).isEmpty()) {
                throw new HarnessException.BadInput("unknown workload '" + name + "' (known: " + String.join(", ", catalog.all().keySet()) + ")");
            }
            List<WorkloadEntry> matching = inSuite.stream().filter(e -> e.name().equals(name)).toList();
            out.addAll(matching.isEmpty() ? List.of(WorkloadEntry.named(name)) : matching);
        }
        return out;
    }

    static List<SandboxKind> runtimes(List<String> ids) throws HarnessException.BadInput {
        Set<SandboxKind> kinds = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                kinds.add(SandboxKind.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new HarnessException.BadInput(e.getMessage());
            }
        }
        if (kinds.isEmpty()) {
            throw new HarnessException.BadInput("no runtimes selected (known: host, container, vm)");
        }
        List<SandboxKind> ordered = new ArrayList<>(kinds);
        ordered.sort((a, b) -> Boolean.compare(b == SandboxKind.HOST, a == SandboxKind.HOST));
        return ordered;
    }

    private static void checkCount(String option, Integer value, int min) throws HarnessException.BadInput {
        if (value != null && value < min) {
            throw new HarnessException.BadInput(option + " must be at least " + min + ", was " + value);
        }
    }

    private static int first(Integer a, Integer b, int c) {
        return a != null ? a : b != null ? b : c;
    }
}
