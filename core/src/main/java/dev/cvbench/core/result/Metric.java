package dev.cvbench.core.result;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a number means: a snake_case name that ends in its unit ({@code triad_gb_per_s},
 * {@code boot_time_ms}), the unit as shown to people, and which direction is better.
 */
public record Metric(String name, String unit, Direction direction, String description) {
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        description = description == null ? "" : description;
        if (!SNAKE.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be snake_case: " + name);
        }
    }

    public static Metric higher(String name, String unit, String description) {
        return new Metric(name, unit, Direction.HIGHER_IS_BETTER, description);
    }

    public static Metric lower(String name, String unit, String description) {
        return new Metric(name, unit, Direction.LOWER_IS_BETTER, description);
    }
}
