package dev.cvbench.reports.stats;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * Latency percentiles (p50, p90, p99, p99.9) of a time-valued series, through an HdrHistogram.
 *
 * <h2>How range and precision were chosen</h2>
 * Samples are converted to whole nanoseconds and recorded in a {@link Histogram} that tracks values
 * from {@value #LOWEST_NANOS} ns to {@value #HIGHEST_NANOS} ns (one hour) with
 * {@value #SIGNIFICANT_DIGITS} significant decimal digits:
 * <ul>
 *   <li><b>Range.</b> The fastest thing cvbench times is a loopback or shared-memory round trip (hundreds of
 *       nanoseconds); the slowest is a VM boot under emulation (tens of seconds). One hour leaves two
 *       orders of magnitude of headroom, and a nanosecond is the resolution of {@link System#nanoTime()}.
 *       Converting to integers first (rather than using a {@code DoubleHistogram}) makes the range
 *       explicit and the same for every unit.
 *   <li><b>Precision.</b> Three digits means every recorded value is kept within 0.1% of itself: a
 *       1,234,567 ns sample lands in the bucket [1,233,920 ns, 1,234,943 ns], and a percentile reports
 *       the top of its bucket, 1,234,943 ns, i.e. 1.235 ms (0.03% high). That is an order of magnitude
 *       finer than the run-to-run noise of any workload here (CV of 1% or more).
 *   <li><b>Memory.</b> With this range and precision the histogram keeps 2,048 sub-buckets per power of
 *       two, about 33,800 64-bit counters in all: 265 KiB, allocated while one series is
 *       summarised and then dropped.
 * </ul>
 * Samples below 1 ns are recorded as 1 ns; above one hour the series gets no percentiles (the summary
 * still has min, max, median). With few samples the high percentiles are simply the maximum:
 * p99.9 needs a thousand samples to mean anything.
 */
public final class LatencyPercentiles {
    /** Lowest discernible value, in nanoseconds. */
    public static final long LOWEST_NANOS = 1;
    /** Highest trackable value, in nanoseconds: one hour. */
    public static final long HIGHEST_NANOS = 3_600_000_000_000L;
    /** Decimal digits of precision kept for every value. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private static final Map<String, Double> PERCENTILES = Map.of("p50", 50.0, "p90", 90.0, "p99", 99.0, "p99.9", 99.9);
    private static final String[] ORDER = {"p50", "p90", "p99", "p99.9"};

    private LatencyPercentiles() {}

    /** True for {@code ns}, {@code us} (or {@code µs}), {@code ms} and {@code s}. */
    public static boolean isTimeUnit(String unit) {
        return nanosPerUnit(unit).isPresent();
    }

    /** How many nanoseconds one of {@code unit} is, if it is a time unit. */
    public static Optional<Double> nanosPerUnit(String unit) {
        return switch (unit.trim().toLowerCase(Locale.ROOT)) {
            case "ns" -> Optional.of(1.0);
            case "us", "µs", "μs" -> Optional.of(1e3);
            case "ms" -> Optional.of(1e6);
            case "s" -> Optional.of(1e9);
            default -> Optional.empty();
        };
    }

    /**
     * The percentiles of time samples, in the samples' own unit, keyed {@code p50, p90, p99, p99.9}.
     * Empty when a sample is beyond {@link #HIGHEST_NANOS}.
     *
     * @throws IllegalArgumentException when the unit is not a time or a sample is negative or not finite
     */
    public static Map<String, Double> of(double[] samples, String unit) {
        double perUnit = nanosPerUnit(unit)
                .orElseThrow(() -> new IllegalArgumentException("not a time unit: '" + unit + "' (use ns, us, ms or s)"));
        Statistics.requireFinite(samples);
        Histogram histogram = new Histogram(LOWEST_NANOS, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        for (double v : samples) {
            if (v < 0) {
                throw new IllegalArgumentException("a time cannot be negative: " + v + " " + unit);
            }
            long nanos = Math.max(LOWEST_NANOS, Math.round(v * perUnit));
            if (nanos > HIGHEST_NANOS) {
                return Map.of();
            }
            histogram.recordValue(nanos);
        }
        Map<String, Double> result = new LinkedHashMap<>();
        for (String key : ORDER) {
            result.put(key, histogram.getValueAtPercentile(PERCENTILES.get(key)) / perUnit);
        }
        return result;
    }
}
