package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads an instance's output on its own thread, stamps each line with {@link System#nanoTime()} on
 * arrival, keeps them all, and lets callers wait for a line matching a pattern (a wait strategy, not a
 * sleep). Shared by every sandbox whose output arrives as a stream.
 */
public final class LineCollector {
    private final List<ConsoleLine> lines = new ArrayList<>();
    private final Thread reader;
    private boolean closed;

    private LineCollector(InputStream in, String name, Consumer<ConsoleLine> onLine) {
        reader = new Thread(() -> pump(in, onLine), name);
        reader.setDaemon(true);
    }

    /** Starts reading {@code in} until end of stream; {@code onLine} sees each line as it arrives. */
    public static LineCollector start(InputStream in, String name, Consumer<ConsoleLine> onLine) {
        LineCollector c = new LineCollector(in, name, onLine);
        c.reader.start();
        return c;
    }

    private void pump(InputStream in, Consumer<ConsoleLine> onLine) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String text;
            while ((text = r.readLine()) != null) {
                ConsoleLine line = new ConsoleLine(System.nanoTime(), text);
                onLine.accept(line);
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream was closed under us (instance killed): what arrived is kept
        } finally {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
        }
    }

    public synchronized List<ConsoleLine> lines() {
        return List.copyOf(lines);
    }

    /** True once the stream has ended. */
    public synchronized boolean ended() {
        return closed;
    }

    /** Waits until the stream has ended (all output read), at most {@code timeout}. */
    public void awaitEnd(Duration timeout) throws InterruptedException {
        reader.join(Math.max(1, timeout.toMillis()));
    }

    /** See {@link dev.cvbench.core.sandbox.Instance#waitFor}. */
    public ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        synchronized (this) {
            while (true) {
                for (; checked < lines.size(); checked++) {
                    if (pattern.matcher(lines.get(checked).text()).find()) {
                        return lines.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (closed || left <= 0) {
                    String why = closed ? "output ended" : "timed out after " + timeout.toMillis() + " ms";
                    throw new TimeoutException(why + " before a line matching /" + pattern + "/; last lines: " + tail(5));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private String tail(int n) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()).stream().map(ConsoleLine::text).toList());
    }
}
