package dev.cvbench.core.result;

import java.util.List;
import java.util.Objects;

/** Everything one {@code cvbench run} produced: the content of {@code results.json}. */
public record RunResult(
        String schema,
        RunInfo run,
        Environment environment,
        List<SandboxInfo> sandboxes,
        List<Series> results,
        List<Outcome> outcomes) {
    /** The schema id this build writes. Bump the version on any incompatible change. */
    public static final String SCHEMA = "cvbench/results/v1";

    public RunResult {
        Objects.requireNonNull(schema, "schema");
        sandboxes = List.copyOf(sandboxes);
        results = List.copyOf(results);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
