package dev.cvbench.harness.suite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workload in a suite file, with its parameters and optional per-workload overrides.
 *
 * <pre>
 * - name: memory-bandwidth
 *   repetitions: 3
 *   parameters: {iterations: 5}
 * </pre>
 */
public record WorkloadEntry(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("parameters") Map<String, String> parameters,
        @JsonProperty("repetitions") Integer repetitions,
        @JsonProperty("warmup") Integer warmup,
        @JsonProperty("timeout_s") Integer timeoutSeconds) {
    public WorkloadEntry {
        parameters = parameters == null ? Map.of() : new LinkedHashMap<>(parameters);
    }

    public static WorkloadEntry named(String name) {
        return new WorkloadEntry(name, Map.of(), null, null, null);
    }
}
