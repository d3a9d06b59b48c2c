package dev.cvbench.harness.image;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a guest image build, for the CLI line {@code building guest image: jlink ... (12 s)}.
 * Called on the building thread; implementations must be quick. Library code never prints.
 */
public interface BuildListener {
    /** Does nothing. */
    BuildListener NONE = new BuildListener() {};

    /** The image with this key was already built: no step will run. */
    default void cacheHit(String key) {}

    default void stepStarted(BuildStep step) {}

    default void stepFinished(BuildStep step, Duration took) {}

    /** A step was skipped, e.g. AppCDS when not running as root. */
    default void stepSkipped(BuildStep step, String reason) {}

    /**
     * A listener that describes progress as one line per event, for a CLI to print:
     * {@code building guest image: jlink ...} when a step starts, {@code building guest image: jlink (12 s)} when
     * it ends, {@code guest image <key>: cached} on a cache hit.
     */
    static BuildListener lines(Consumer<String> out) {
        return new BuildListener() {
            @Override
            public void cacheHit(String key) {
                out.accept("guest image " + key + ": cached");
            }

            @Override
            public void stepStarted(BuildStep step) {
                out.accept("building guest image: " + step.label() + " ...");
            }

            @Override
            public void stepFinished(BuildStep step, Duration took) {
                out.accept(String.format(Locale.ROOT, "building guest image: %s (%s)", step.label(), seconds(took)));
            }

            @Override
            public void stepSkipped(BuildStep step, String reason) {
                out.accept("building guest image: " + step.label() + " skipped: " + reason);
            }
        };
    }

    /** {@code 12 s}, or {@code 0.4 s} below ten seconds. */
    static String seconds(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s < 10 ? String.format(Locale.ROOT, "%.1f s", s) : String.format(Locale.ROOT, "%d s", Math.round(s));
    }
}
