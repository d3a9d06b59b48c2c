package dev.cvbench.core.result;

import java.util.List;
import java.util.Objects;

/**
 * A (workload, sandbox) pair that produced no series, and why: skipped because the sandbox lacks
 * something ({@code status = "skipped"}), or failed ({@code status = "failed"}, with the last output lines).
 */
public record Outcome(String workload, String sandbox, String status, String reason, List<String> lastLines) {
    public static final String SKIPPED = "skipped";
    public static final String FAILED = "failed";

    public Outcome {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        lastLines = lastLines == null ? List.of() : List.copyOf(lastLines);
    }

    public static Outcome skipped(String workload, String sandbox, String reason) {
        return new Outcome(workload, sandbox, SKIPPED, reason, List.of());
    }

    public static Outcome failed(String workload, String sandbox, String reason, List<String> lastLines) {
        return new Outcome(workload, sandbox, FAILED, reason, lastLines);
    }
}
