package dev.cvbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cvbench.core.result.Ratio;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RatiosTest {
    @Test
    void javadocWorkedExample() {
        Ratio r = Ratios.of(new double[] {110, 120, 130}, new double[] {10, 11, 12}, 1);
        assertThat(r.value()).isCloseTo(120.0 / 11, within(1e-12));
        assertThat(r.ciLow()).isCloseTo(110.0 / 12, within(1e-12));
        assertThat(r.ciHigh()).isCloseTo(13.0, within(1e-12));
    }

    @Test
    void sameSeedSameInterval() {
        double[] a = noisy(30, 150, 0.05, 7);
        double[] h = noisy(30, 100, 0.05, 8);
        assertThat(Ratios.of(a, h, 42)).isEqualTo(Ratios.of(a, h, 42));
        assertThat(Ratios.of(a, h, 42)).isNotEqualTo(Ratios.of(a, h, 43));
    }

    @Test
    void intervalContainsTheTrueRatioForSyntheticData() {
        int covered = 0;
        for (int trial = 0; trial < 20; trial++) {
            double[] a = noisy(40, 150, 0.05, 100 + trial);
            double[] h = noisy(40, 100, 0.05, 200 + trial);
            Ratio r = Ratios.of(a, h, trial);
            assertThat(r.ciLow()).isLessThan(r.value());
            assertThat(r.ciHigh()).isGreaterThan(r.value());
            assertThat(r.ciHigh() - r.ciLow()).isLessThan(0.2);
            if (r.ciLow() <= 1.5 && 1.5 <= r.ciHigh()) {
                covered++;
            }
        }
        // a 95% interval misses about one time in twenty; 17 of 20 fails with probability < 2%
        assertThat(covered).isGreaterThanOrEqualTo(17);
    }

    @Test
    void oneSampleGivesARatioWithoutInterval() {
        Ratio r = Ratios.of(new double[] {3}, new double[] {1, 2, 3}, 1);
        assertThat(r.value()).isEqualTo(1.5);
        assertThat(r.ciLow()).isNull();
        assertThat(r.ciHigh()).isNull();
    }

    @Test
    void zeroHostMedianHasNoRatio() {
        assertThat(Ratios.of(new double[] {1, 2}, new double[] {0, 0, 0}, 1)).isNull();
    }

    /** Normal noise around {@code center} with relative stddev {@code cv}. */
    static double[] noisy(int n, double center, double cv, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            // Box-Muller
            double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            xs[i] = center * (1 + cv * g);
        }
        return xs;
    }
}
