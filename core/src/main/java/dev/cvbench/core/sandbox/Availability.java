package dev.cvbench.core.sandbox;

import java.util.Objects;

/**
 * Whether a sandbox can run here, and if not, why and what fixes it.
 *
 * @param available true when instances can be launched
 * @param reason why not (empty when available)
 * @param fix the one command or step that would make it available (empty when unknown or available)
 */
public record Availability(boolean available, String reason, String fix) {
    public Availability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    public static Availability yes() {
        return new Availability(true, "", "");
    }

    public static Availability no(String reason, String fix) {
        return new Availability(false, reason, fix);
    }
}
