package dev.cvbench.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NumbersTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void fourSignificantDigitsWithoutExponent() {
        assertThat(Numbers.format(6120.3)).isEqualTo("6120");
        assertThat(Numbers.format(11.14517)).isEqualTo("11.15");
        assertThat(Numbers.format(0.000011275)).isEqualTo("0.00001128");
        assertThat(Numbers.format(147272.6)).isEqualTo("147273");
        assertThat(Numbers.format(7.0)).isEqualTo("7");
        assertThat(Numbers.format(0.0)).isEqualTo("0");
        assertThat(Numbers.format(-2.5)).isEqualTo("-2.5");
        assertThat(Numbers.format(null)).isEqualTo("–");
    }

    @Test
    void ratiosKeepThreeDigitsIncludingZeros() {
        assertThat(Numbers.ratio(0.99979)).isEqualTo("1.00×");
        assertThat(Numbers.ratio(0.99107)).isEqualTo("0.991×");
        assertThat(Numbers.ratio(114.3)).isEqualTo("114×");
        assertThat(Numbers.ratio(1234.5)).isEqualTo("1230×");
    }

    @Test
    void meanAndHalfWidthShareTheirLastDecimal() {
        assertThat(Numbers.plusMinus(11.69418, 0.12716)).isEqualTo("11.69 ± 0.13");
        assertThat(Numbers.plusMinus(5640.2, 326.7)).isEqualTo("5640 ± 330");
        assertThat(Numbers.plusMinus(3.0, 0.0)).isEqualTo("3 ± 0");
        assertThat(Numbers.plusMinus(3.0, null)).isEqualTo("3");
    }

    @Test
    void percentagesAndNumbersIgnoreTheLocale() {
        Locale.setDefault(Locale.GERMANY);
        assertThat(Numbers.percent(0.0112)).isEqualTo("1.1%");
        assertThat(Numbers.format(11.14517)).isEqualTo("11.15");
        assertThat(Numbers.plusMinus(11.69418, 0.12716)).isEqualTo("11.69 ± 0.13");
    }
}
