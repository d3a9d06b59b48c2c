package dev.cvbench.core.result;

import java.util.Map;

/**
 * Descriptive statistics of a series. Interval bounds are null when there are too few samples to
 * compute them (n &lt; 2), never NaN: NaN is not JSON.
 *
 * @param n number of samples
 * @param best the best sample in the metric's direction (what STREAM reports)
 * @param median the median (what cvbench compares by default)
 * @param cv coefficient of variation, stddev / mean
 * @param ciLow lower bound of the 95% confidence interval of the mean (Student's t)
 * @param ciHigh upper bound of the 95% confidence interval of the mean
 * @param percentiles latency percentiles ("p50", "p90", "p99", "p99.9"), empty for other metrics
 */
public record Summary(
        int n,
        double min,
        double max,
        double best,
        double median,
        double mean,
        Double stddev,
        Double cv,
        Double ciLow,
        Double ciHigh,
        Map<String, Double> percentiles) {
    public Summary {
        percentiles = percentiles == null ? Map.of() : Map.copyOf(percentiles);
    }
}
