package dev.cvbench.reports.stats;

import dev.cvbench.core.result.Ratio;
import dev.cvbench.core.result.Series;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A series' overhead as a ratio of medians to the host's series, with a percentile-bootstrap interval.
 *
 * <p>The point estimate is {@code median(series) / median(host)}. The interval comes from
 * {@value #RESAMPLES} bootstrap rounds: each round draws n samples with replacement from the series and,
 * independently, m from the host, and takes the ratio of the two medians; the 2.5th and 97.5th
 * percentiles of those ratios are the 95% interval. The bootstrap makes no assumption about the shape
 * of either distribution (benchmark noise is skewed), and a seeded generator makes the interval the
 * same on every run of the same data.
 *
 * <p>Worked example: a VM boots in {110, 120, 130} ms and the host starts the same agent in
 * {10, 11, 12} ms; the ratio is 120 / 11 = 10.9, and with so few samples the interval is wide
 * (about [9.2, 13]): three samples cannot say more.
 */
public final class Ratios {
    /** Bootstrap rounds per interval: enough for stable 2.5%/97.5% percentiles (50 rounds in each tail). */
    public static final int RESAMPLES = 2000;

    private Ratios() {}

    /**
     * The ratio of {@code series} to {@code host}; null when the host's median is 0 (no ratio exists).
     * Interval bounds are null when either side has fewer than two samples.
     */
    public static Ratio toHost(Series series, Series host, long seed) {
        return of(series.values(), host.values(), seed);
    }

    /** {@link #toHost} on raw sample arrays. */
    public static Ratio of(double[] samples, double[] host, long seed) {
        Statistics.requireFinite(samples);
        Statistics.requireFinite(host);
        double hostMedian = median(host);
        if (hostMedian == 0) {
            return null;
        }
        double value = median(samples) / hostMedian;
        if (samples.length < 2 || host.length < 2) {
            return new Ratio(value, null, null);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[RESAMPLES];
        double[] a = new double[samples.length];
        double[] b = new double[host.length];
        int kept = 0;
        for (int round = 0; round < RESAMPLES; round++) {
            resample(samples, a, random);
            resample(host, b, random);
            double denominator = median(b);
            if (denominator != 0) {
                ratios[kept++] = median(a) / denominator;
            }
        }
        if (kept < RESAMPLES * Statistics.CONFIDENCE) {
            return new Ratio(value, null, null);
        }
        double[] finite = Arrays.copyOf(ratios, kept);
        double tail = (1 - Statistics.CONFIDENCE) / 2 * 100;
        Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        percentile.setData(finite);
        return new Ratio(value, percentile.evaluate(tail), percentile.evaluate(100 - tail));
    }

    private static void resample(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
