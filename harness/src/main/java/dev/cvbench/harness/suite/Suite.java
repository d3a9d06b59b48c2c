package dev.cvbench.harness.suite;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A suite file: which workloads to run, with which parameters, in which runtimes, how often.
 *
 * <pre>
 * name: quick
 * description: a few minutes; checks everything works
 * runtimes: [host, container, vm]
 * repetitions: 3
 * warmup: 0
 * timeout_s: 300
 * workloads:
 *   - name: boot
 *     repetitions: 5
 *   - name: memory-bandwidth
 *     parameters: {iterations: 5}
 * </pre>
 */
public record Suite(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty("runtimes") List<String> runtimes,
        @JsonProperty("repetitions") Integer repetitions,
        @JsonProperty("warmup") Integer warmup,
        @JsonProperty("timeout_s") Integer timeoutSeconds,
        @JsonProperty(value = "workloads", required = true) List<WorkloadEntry> workloads) {
    public Suite {
        description = description == null ? "" : description;
        runtimes = runtimes == null ? List.of("host", "container", "vm") : List.copyOf(runtimes);
        repetitions = repetitions == null ? 5 : repetitions;
        warmup = warmup == null ? 1 : warmup;
        timeoutSeconds = timeoutSeconds == null ? 600 : timeoutSeconds;
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }
}
