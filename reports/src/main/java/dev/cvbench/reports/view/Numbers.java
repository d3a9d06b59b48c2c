package dev.cvbench.reports.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as people read them in a report: four significant digits, no exponent, a decimal point
 * whatever the machine's locale ({@code 6120}, {@code 11.15}, {@code 0.01128}).
 */
public final class Numbers {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

    private Numbers() {}

    /** Four significant digits, whole numbers from 10,000 up, trailing zeros dropped; "–" for null. */
    public static String format(Double value) {
        if (value == null) {
            return "–";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(value);
        d = Math.abs(value) >= 10_000 ? d.setScale(0, RoundingMode.HALF_EVEN) : d.round(FOUR_DIGITS);
        return d.stripTrailingZeros().toPlainString();
    }

    /** A coefficient of variation as a percentage with one decimal ({@code 1.1%}); "–" for null. */
    public static String percent(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A ratio with three significant digits and a multiplication sign ({@code 0.991×}, {@code 1.00×}, {@code 114×}). */
    public static String ratio(double value) {
        return threeDigits(value) + "×";
    }

    /** Three significant digits, zeros kept, for ratios and their bounds ({@code 0.979}, {@code 1.00}). */
    public static String threeDigits(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal d = new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_EVEN));
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }

    /**
     * A mean and the half width of its interval, the half width to two significant digits and the mean
     * to the same decimal place ({@code 11.69 ± 0.13}, {@code 5640 ± 330}); just the mean when half is null.
     */
    public static String plusMinus(double mean, Double half) {
        if (half == null) {
            return format(mean);
        }
        if (half == 0) {
            return format(mean) + " ± 0";
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(half))));
        BigDecimal h = new BigDecimal(half).round(new MathContext(2, RoundingMode.HALF_EVEN));
        return new BigDecimal(mean).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString() + " ± "
                + (h.scale() < 0 ? h.setScale(0) : h).setScale(Math.max(decimals, 0), RoundingMode.HALF_EVEN)
                        .toPlainString();
    }
}
