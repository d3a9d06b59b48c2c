package dev.cvbench.core.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which way is better for a metric; regression gates and ratios read it. */
public enum Direction {
    HIGHER_IS_BETTER("higher"),
    LOWER_IS_BETTER("lower");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Direction fromId(String id) {
        return switch (id.toLowerCase(Locale.ROOT)) {
            case "higher" -> HIGHER_IS_BETTER;
            case "lower" -> LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("direction must be 'higher' or 'lower', was '" + id + "'");
        };
    }
}
