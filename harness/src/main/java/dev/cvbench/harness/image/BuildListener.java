package dev.cvbench.harness.image;

import java.time.Duration;

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
}
