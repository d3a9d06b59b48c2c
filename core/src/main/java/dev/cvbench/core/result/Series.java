package dev.cvbench.core.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every sample of one metric of one workload in one sandbox with one set of parameters, and its summary.
 *
 * @param facts what qualifies the numbers, copied from the sandbox ({@code domain_type=qemu},
 *     {@code emulated=true}) and from the measurements' tags
 * @param ratioToHost median ratio to the host's series, null for the host itself or when it has none
 */
public record Series(
        String workload,
        String sandbox,
        Map<String, String> parameters,
        Metric metric,
        Map<String, String> facts,
        List<Sample> samples,
        Summary summary,
        Ratio ratioToHost) {
    public Series {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(metric, "metric");
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        samples = List.copyOf(samples);
    }

    /** Same series with its summary and ratio set. */
    public Series withStatistics(Summary summary, Ratio ratioToHost) {
        return new Series(workload, sandbox, parameters, metric, facts, samples, summary, ratioToHost);
    }

    public double[] values() {
        return samples.stream().mapToDouble(Sample::value).toArray();
    }
}
