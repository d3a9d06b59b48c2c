package dev.cvbench.reports.stats;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Summary;
import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Descriptive statistics of one series of samples, as stored in a result file's {@code summary}.
 *
 * <p>What each number is, for samples {@code x1..xn}:
 * <ul>
 *   <li>{@code median}: the middle sample (the mean of the two middle ones for even n). cvbench compares
 *       medians because a benchmark's noise is one-sided: a context switch makes a run slower, never faster.
 *   <li>{@code best}: the maximum for a higher-is-better metric, the minimum otherwise (what STREAM reports).
 *   <li>{@code stddev}: the <em>sample</em> standard deviation (divides by n - 1).
 *   <li>{@code cv}: stddev / mean, the noise in units of the value; null when the mean is 0.
 *   <li>{@code ci_low}, {@code ci_high}: the 95% confidence interval of the mean by Student's t,
 *       {@code mean ± t(0.975, n-1) · stddev / √n}. For n = 5 the quantile is 2.776, so five samples
 *       with mean 3 and stddev 1.581 give [1.037, 4.963].
 * </ul>
 * Bounds that need two samples (stddev, cv, the interval) are null for n = 1, never NaN: NaN is not JSON.
 */
public final class Statistics {
    /** Confidence level of every interval cvbench reports. */
    public static final double CONFIDENCE = 0.95;

    private Statistics() {}

    /**
     * Summarises samples without percentiles.
     *
     * @throws IllegalArgumentException when there are no samples or one is not finite
     */
    public static Summary summarize(double[] samples, Direction direction) {
        return summarize(samples, direction, Map.of());
    }

    /**
     * Summarises samples, adding latency percentiles when the metric's unit is a time (see
     * {@link LatencyPercentiles}) and no sample is negative (a clock offset in ms is a time but not a latency).
     */
    public static Summary summarize(double[] samples, Metric metric) {
        requireFinite(samples);
        boolean latency = LatencyPercentiles.isTimeUnit(metric.unit())
                && Arrays.stream(samples).allMatch(v -> v >= 0);
        Map<String, Double> percentiles = latency ? LatencyPercentiles.of(samples, metric.unit()) : Map.of();
        return summarize(samples, metric.direction(), percentiles);
    }

    private static Summary summarize(double[] samples, Direction direction, Map<String, Double> percentiles) {
        requireFinite(samples);
        DescriptiveStatistics d = new DescriptiveStatistics(samples);
        int n = samples.length;
        double mean = d.getMean();
        double best = direction == Direction.HIGHER_IS_BETTER ? d.getMax() : d.getMin();
        Double stddev = null;
        Double cv = null;
        Double ciLow = null;
        Double ciHigh = null;
        if (n >= 2) {
            double s = d.getStandardDeviation();
            stddev = s;
            cv = mean == 0 ? null : s / Math.abs(mean);
            double half = tQuantile(n - 1) * s / Math.sqrt(n);
            ciLow = mean - half;
            ciHigh = mean + half;
        }
        return new Summary(n, d.getMin(), d.getMax(), best, d.getPercentile(50), mean, stddev, cv, ciLow, ciHigh,
                percentiles);
    }

    /** The two-sided {@link #CONFIDENCE} quantile of Student's t with the given degrees of freedom (2.262 for 9). */
    public static double tQuantile(int degreesOfFreedom) {
        return new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }

    static void requireFinite(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty series");
        }
        for (double v : samples) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample must be a finite number, was " + v);
            }
        }
    }
}
