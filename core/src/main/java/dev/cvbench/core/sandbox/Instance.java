package dev.cvbench.core.sandbox;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One running (or finished) process, container or VM. Closing it stops it if needed and releases
 * everything it held (cgroups, mounts, veths, domains); {@code close()} never throws for an instance
 * that is already gone.
 */
public interface Instance extends AutoCloseable {
    /** Unique within its sandbox; the container id or domain name. */
    String id();

    SandboxKind kind();

    /** Every output line so far, in arrival order, each stamped on arrival. */
    List<ConsoleLine> lines();

    /**
     * Waits until a line matching {@code pattern} (found anywhere in the line) has arrived, and returns the
     * first such line, including one that arrived before the call.
     *
     * @throws TimeoutException when none arrives in time or the instance ends first; the message carries
     *     the last lines of output
     */
    ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException, InterruptedException;

    /** Waits for the instance's main process to end and returns its exit status. */
    int waitForExit(Duration timeout) throws TimeoutException, InterruptedException;

    /** The exit status once the main process has ended. */
    OptionalInt exitCode();

    /** The instance's own address on the bridge, when it has one. */
    Optional<InetAddress> address();

    /** The phases observed so far, in time order, starting with {@link PhaseMark#LAUNCH_REQUESTED}. */
    List<PhaseMark> phases();

    /** Host memory the instance costs right now. */
    Footprint memoryFootprint();

    /** Asks the instance to stop (SIGTERM / ACPI power-off), then forces it after a grace period. */
    void stop(Duration grace);

    @Override
    void close();
}
