package dev.cvbench.core.sandbox;

import java.util.Objects;

/**
 * A named point in an instance's life, on the host's monotonic clock. Sandboxes record the phases they can
 * observe, always starting with {@link #LAUNCH_REQUESTED}; a VM adds {@code qemu_up}, {@code first_output},
 * {@code init_started} and so on.
 *
 * @param name snake_case phase name
 * @param nanos {@code System.nanoTime()} when the phase was reached
 */
public record PhaseMark(String name, long nanos) {
    public static final String LAUNCH_REQUESTED = "launch_requested";
    public static final String PROCESS_STARTED = "process_started";
    public static final String FIRST_OUTPUT = "first_output";
    public static final String AGENT_READY = "agent_ready";
    public static final String EXITED = "exited";
    public static final String GONE = "gone";

    public PhaseMark {
        Objects.requireNonNull(name, "name");
    }
}
