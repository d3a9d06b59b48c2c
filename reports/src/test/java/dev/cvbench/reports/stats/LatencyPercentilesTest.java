package dev.cvbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LatencyPercentilesTest {
    @ParameterizedTest
    @CsvSource({"ns, 1", "us, 1000", "µs, 1000", "ms, 1000000", "s, 1000000000"})
    void knowsTimeUnits(String unit, double nanos) {
        assertThat(LatencyPercentiles.nanosPerUnit(unit)).contains(nanos);
    }

    @Test
    void otherUnitsAreNotTimes() {
        assertThat(LatencyPercentiles.isTimeUnit("GB/s")).isFalse();
        assertThat(LatencyPercentiles.isTimeUnit("kB")).isFalse();
    }

    @Test
    void keepsThreeSignificantDigitsAsTheJavadocExampleSays() {
        Map<String, Double> p = LatencyPercentiles.of(new double[] {1.234567}, "ms");
        assertThat(p.get("p50")).isEqualTo(1.234943);
        assertThat(p.get("p99.9")).isEqualTo(1.234943);
    }

    @Test
    void percentilesAreInTheSamplesUnitAndOrdered() {
        double[] xs = new double[200];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i < 180 ? 0.010 : 0.500; // 90% fast, 10% slow (s)
        }
        Map<String, Double> p = LatencyPercentiles.of(xs, "s");
        assertThat(p.get("p50")).isCloseTo(0.010, within(0.010 * 1e-3));
        assertThat(p.get("p90")).isCloseTo(0.010, within(0.010 * 1e-3));
        assertThat(p.get("p99")).isCloseTo(0.500, within(0.500 * 1e-3));
        assertThat(p.keySet()).containsExactly("p50", "p90", "p99", "p99.9");
    }

    @Test
    void beyondTheRangeGivesNoPercentiles() {
        assertThat(LatencyPercentiles.of(new double[] {1, 7200}, "s")).isEmpty();
    }

    @Test
    void rejectsNegativeTimesAndNonTimeUnits() {
        assertThatThrownBy(() -> LatencyPercentiles.of(new double[] {-1}, "ms")).hasMessageContaining("negative");
        assertThatThrownBy(() -> LatencyPercentiles.of(new double[] {1}, "GB/s")).hasMessageContaining("not a time unit");
    }
}
