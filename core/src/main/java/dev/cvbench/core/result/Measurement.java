package dev.cvbench.core.result;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one repetition of a workload measured for one metric: one value per inner iteration (a STREAM
 * kernel is timed several times per run), plus tags that qualify them ({@code "kernel": "triad"}).
 */
public record Measurement(Metric metric, List<Double> values, Map<String, String> tags) {
    public Measurement {
        Objects.requireNonNull(metric, "metric");
        values = List.copyOf(values);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        for (Double v : values) {
            if (v == null || v.isNaN() || v.isInfinite()) {
                throw new IllegalArgumentException(metric.name() + ": sample must be a finite number, was " + v);
            }
        }
    }

    public static Measurement of(Metric metric, double... values) {
        return new Measurement(metric, java.util.Arrays.stream(values).boxed().toList(), Map.of());
    }
}
