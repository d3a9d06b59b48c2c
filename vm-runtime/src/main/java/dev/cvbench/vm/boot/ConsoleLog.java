package dev.cvbench.vm.boot;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Every console line of one VM, with the two stream events the boot phases need (first byte, end of stream).
 * Written by the console reader thread, read by anyone; waiters are woken on every new line and at the end.
 */
public final class ConsoleLog {
    private final List<ConsoleLine> lines = new ArrayList<>();
    private long connectedNanos = -1;
    private long firstByteNanos = -1;
    private long endNanos = -1;

    public synchronized void connected(long nanos) {
        if (connectedNanos < 0) {
            connectedNanos = nanos;
        }
    }

    public synchronized void firstByte(long nanos) {
        if (firstByteNanos < 0) {
            firstByteNanos = nanos;
        }
    }

    public synchronized void add(ConsoleLine line) {
        lines.add(line);
        notifyAll();
    }

    /** The stream ended (QEMU closed the console: the process is exiting). */
    public synchronized void end(long nanos) {
        if (endNanos < 0) {
            endNanos = nanos;
        }
        notifyAll();
    }

    public synchronized List<ConsoleLine> lines() {
        return List.copyOf(lines);
    }

    /** When QEMU connected to the console socket: the QEMU process exists and has set up its devices. */
    public synchronized OptionalLong connectedNanos() {
        return connectedNanos < 0 ? OptionalLong.empty() : OptionalLong.of(connectedNanos);
    }

    public synchronized OptionalLong firstByteNanos() {
        return firstByteNanos < 0 ? OptionalLong.empty() : OptionalLong.of(firstByteNanos);
    }

    public synchronized OptionalLong endNanos() {
        return endNanos < 0 ? OptionalLong.empty() : OptionalLong.of(endNanos);
    }

    public synchronized boolean ended() {
        return endNanos >= 0;
    }

    /** The last {@code n} lines' text, oldest first, for error messages. */
    public synchronized List<String> lastLines(int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size()).stream().map(ConsoleLine::text).toList();
    }

    /**
     * The first line matching {@code pattern} (anywhere in the line), waiting for it if needed.
     *
     * @throws TimeoutException when none arrives in time or the stream ends first; the message has the last lines
     */
    public synchronized ConsoleLine waitFor(Pattern pattern, Duration timeout)
            throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < lines.size(); checked++) {
                if (pattern.matcher(lines.get(checked).text()).find()) {
                    return lines.get(checked);
                }
            }
            if (endNanos >= 0) {
                throw new TimeoutException("console ended before a line matched /" + pattern + "/; last lines: "
                        + String.join(" | ", lastLines(5)));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no console line matched /" + pattern + "/ within " + timeout.toMillis()
                        + " ms; last lines: " + String.join(" | ", lastLines(5)));
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
    }

    /** Waits until the stream ends; false on timeout. */
    public synchronized boolean awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (endNanos < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }
}
