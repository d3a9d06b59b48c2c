package dev.cvbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Summary;
import org.junit.jupiter.api.Test;

class StatisticsTest {
    private static final double EPS = 1e-9;

    @Test
    void knownAnswerForFiveSamples() {
        // mean 3, sample variance (4+1+0+1+4)/4 = 2.5, stddev 1.58114, se 0.70711, t(0.975, 4) = 2.77645
        Summary s = Statistics.summarize(new double[] {5, 1, 4, 2, 3}, Direction.LOWER_IS_BETTER);
        assertThat(s.n()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(5);
        assertThat(s.median()).isEqualTo(3);
        assertThat(s.mean()).isEqualTo(3);
        assertThat(s.stddev()).isCloseTo(Math.sqrt(2.5), within(EPS));
        assertThat(s.cv()).isCloseTo(Math.sqrt(2.5) / 3, within(EPS));
        assertThat(s.ciLow()).isCloseTo(3 - 2.776445 * Math.sqrt(0.5), within(1e-5));
        assertThat(s.ciHigh()).isCloseTo(3 + 2.776445 * Math.sqrt(0.5), within(1e-5));
        assertThat(s.ciHigh()).isCloseTo(4.96324, within(1e-5));
        assertThat(s.percentiles()).isEmpty();
    }

    @Test
    void tQuantilesMatchTheTextbookTable() {
        // Student's t table, two-sided 95%: df 1 -> 12.706, 4 -> 2.776, 9 -> 2.262, 29 -> 2.045
        assertThat(Statistics.tQuantile(1)).isCloseTo(12.706, within(5e-4));
        assertThat(Statistics.tQuantile(4)).isCloseTo(2.776, within(5e-4));
        assertThat(Statistics.tQuantile(9)).isCloseTo(2.262, within(5e-4));
        assertThat(Statistics.tQuantile(29)).isCloseTo(2.045, within(5e-4));
    }

    @Test
    void tenSamplesIntervalAgreesWithHandComputation() {
        // 10..19: mean 14.5, stddev sqrt(55/6) = 3.02765, se 0.957427, half width 2.262157 * se = 2.165853
        double[] xs = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        Summary s = Statistics.summarize(xs, Direction.HIGHER_IS_BETTER);
        assertThat(s.median()).isEqualTo(14.5);
        assertThat(s.ciLow()).isCloseTo(14.5 - 2.165853, within(1e-5));
        assertThat(s.ciHigh()).isCloseTo(14.5 + 2.165853, within(1e-5));
    }

    @Test
    void oneSampleHasNoSpreadAndNoInterval() {
        Summary s = Statistics.summarize(new double[] {42}, Direction.HIGHER_IS_BETTER);
        assertThat(s.n()).isOne();
        assertThat(s.median()).isEqualTo(42);
        assertThat(s.best()).isEqualTo(42);
        assertThat(s.stddev()).isNull();
        assertThat(s.cv()).isNull();
        assertThat(s.ciLow()).isNull();
        assertThat(s.ciHigh()).isNull();
    }

    @Test
    void twoSamplesUseTheWidestQuantile() {
        // mean 2, stddev sqrt(2), se 1, half width 12.706205
        Summary s = Statistics.summarize(new double[] {1, 3}, Direction.HIGHER_IS_BETTER);
        assertThat(s.median()).isEqualTo(2);
        assertThat(s.stddev()).isCloseTo(Math.sqrt(2), within(EPS));
        assertThat(s.ciLow()).isCloseTo(2 - 12.706205, within(1e-5));
        assertThat(s.ciHigh()).isCloseTo(2 + 12.706205, within(1e-5));
    }

    @Test
    void allEqualSamplesHaveZeroSpread() {
        Summary s = Statistics.summarize(new double[] {7, 7, 7, 7}, Direction.HIGHER_IS_BETTER);
        assertThat(s.stddev()).isZero();
        assertThat(s.cv()).isZero();
        assertThat(s.ciLow()).isEqualTo(7);
        assertThat(s.ciHigh()).isEqualTo(7);
    }

    @Test
    void zeroMeanHasNoCvRatherThanInfinity() {
        Summary s = Statistics.summarize(new double[] {-1, 1}, Direction.HIGHER_IS_BETTER);
        assertThat(s.cv()).isNull();
    }

    @Test
    void bestFollowsTheDirection() {
        double[] xs = {3, 9, 1, 5};
        assertThat(Statistics.summarize(xs, Direction.HIGHER_IS_BETTER).best()).isEqualTo(9);
        assertThat(Statistics.summarize(xs, Direction.LOWER_IS_BETTER).best()).isEqualTo(1);
    }

    @Test
    void evenCountMedianIsTheMeanOfTheMiddleTwo() {
        assertThat(Statistics.summarize(new double[] {4, 1, 3, 2}, Direction.HIGHER_IS_BETTER).median()).isEqualTo(2.5);
    }

    @Test
    void timeMetricsGetPercentilesOthersDoNot() {
        double[] xs = new double[1000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i + 1; // 1..1000 us
        }
        Summary latency = Statistics.summarize(xs, Metric.lower("rtt_us", "us", ""));
        assertThat(latency.percentiles()).containsOnlyKeys("p50", "p90", "p99", "p99.9");
        assertThat(latency.percentiles().get("p50")).isCloseTo(500, within(0.5));
        assertThat(latency.percentiles().get("p90")).isCloseTo(900, within(0.9));
        assertThat(latency.percentiles().get("p99")).isCloseTo(990, within(1.0));
        assertThat(latency.percentiles().get("p99.9")).isCloseTo(999, within(1.0));
        assertThat(Statistics.summarize(xs, Metric.higher("triad_gb_per_s", "GB/s", "")).percentiles()).isEmpty();
    }

    @Test
    void negativeTimesAreNotLatenciesAndGetNoPercentiles() {
        Summary s = Statistics.summarize(new double[] {-0.5, 0.25, 1.0}, Metric.lower("clock_offset_ms", "ms", ""));
        assertThat(s.percentiles()).isEmpty();
        assertThat(s.median()).isEqualTo(0.25);
    }

    @Test
    void rejectsEmptyAndNonFiniteInput() {
        assertThatThrownBy(() -> Statistics.summarize(new double[0], Direction.HIGHER_IS_BETTER))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> Statistics.summarize(new double[] {1, Double.NaN}, Direction.HIGHER_IS_BETTER))
                .hasMessageContaining("finite");
    }
}
