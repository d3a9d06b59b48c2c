package dev.cvbench.harness.suite;

import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.core.workload.Workload;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.workload.WorkloadCatalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a suite against what this build knows: workloads, their parameters, runtimes, counts. Each check
 * is a small method; all problems are collected and reported together, the first one in the message.
 */
public final class SuiteValidator {
    private final WorkloadCatalog catalog;

    public SuiteValidator(WorkloadCatalog catalog) {
        this.catalog = catalog;
    }

    public void validate(Suite suite) throws HarnessException.BadInput {
        List<String> problems = new ArrayList<>();
        checkCounts("", suite.repetitions(), suite.warmup(), suite.timeoutSeconds(), problems);
        checkRuntimes(suite.runtimes(), problems);
        if (suite.workloads().isEmpty()) {
            problems.add("workloads: the suite lists no workloads");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < suite.workloads().size(); i++) {
            WorkloadEntry e = suite.workloads().get(i);
            String at = "workloads[" + i + "]";
            if (!seen.add(e.name() + e.parameters())) {
                problems.add(at + ": '" + e.name() + "' is listed twice with the same parameters");
            }
            checkWorkload(at, e, problems);
            checkCounts(at + ".", e.repetitions(), e.warmup(), e.timeoutSeconds(), problems);
        }
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
            throw new HarnessException.BadInput("suite '" + suite.name() + "': " + problems.get(0) + more);
        }
    }

    private void checkWorkload(String at, WorkloadEntry e, List<String> problems) {
        Workload w = catalog.find(e.name()).orElse(null);
        if (w == null) {
            problems.add(at + ": unknown workload '" + e.name() + "' (known: " + String.join(", ", catalog.all().keySet()) + ")");
            return;
        }
        for (String key : e.parameters().keySet()) {
            if (!w.defaultParameters().containsKey(key)) {
                String known = w.defaultParameters().isEmpty() ? "it takes none" : "known: " + String.join(", ", w.defaultParameters().keySet());
                problems.add(at + ".parameters: unknown parameter '" + key + "' for " + e.name() + " (" + known + ")");
            }
        }
    }

    static void checkRuntimes(List<String> runtimes, List<String> problems) {
        if (runtimes.isEmpty()) {
            problems.add("runtimes: the suite lists no runtimes");
        }
        for (String r : runtimes) {
            try {
                SandboxKind.fromId(r);
            } catch (IllegalArgumentException ex) {
                problems.add("runtimes: " + ex.getMessage());
            }
        }
    }

    private static void checkCounts(String at, Integer repetitions, Integer warmup, Integer timeout, List<String> problems) {
        if (repetitions != null && repetitions < 1) {
            problems.add(at + "repetitions: must be at least 1, was " + repetitions);
        }
        if (warmup != null && warmup < 0) {
            problems.add(at + "warmup: must not be negative, was " + warmup);
        }
        if (timeout != null && timeout < 1) {
            problems.add(at + "timeout_s: must be at least 1, was " + timeout);
        }
    }
}
