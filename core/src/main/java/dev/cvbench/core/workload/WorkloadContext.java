package dev.cvbench.core.workload;

import dev.cvbench.core.sandbox.Sandbox;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What a workload gets for one repetition.
 *
 * @param sandbox where to launch instances
 * @param parameters the workload's defaults overlaid with the suite's values
 * @param repetition 0-based, counting warm-up repetitions first
 * @param warmup true when the result will be discarded
 * @param timeout how long one instance may take
 */
public record WorkloadContext(
        Sandbox sandbox, Map<String, String> parameters, int repetition, boolean warmup, Duration timeout) {
    public WorkloadContext {
        Objects.requireNonNull(sandbox, "sandbox");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(timeout, "timeout");
    }

    public String param(String key) {
        String v = parameters.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + key + "'");
        }
        return v;
    }

    public int intParam(String key) {
        try {
            return Integer.parseInt(param(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + key + "' must be an integer, was '" + param(key) + "'");
        }
    }
}
