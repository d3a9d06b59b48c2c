package dev.cvbench.core.sandbox;

import java.util.Objects;

/**
 * One line of an instance's output (stdout for processes and containers, the serial console for VMs),
 * stamped with the host's monotonic clock ({@link System#nanoTime()}) when it arrived.
 *
 * @param arrivalNanos {@code System.nanoTime()} at arrival on the host
 * @param text the line without its terminator
 */
public record ConsoleLine(long arrivalNanos, String text) {
    public ConsoleLine {
        Objects.requireNonNull(text, "text");
    }
}
