package dev.cvbench.vm.boot;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Cuts a byte stream into {@link ConsoleLine}s. A line is stamped with the arrival time of the chunk that
 * completed it (its {@code \n}), which is when a reader could first act on it; a trailing {@code \r} is
 * dropped (the serial console sends CRLF). Bytes are decoded as UTF-8 per line, so a multi-byte character
 * split across chunks is decoded whole. Not thread-safe: one reader thread feeds it.
 */
public final class LineSplitter {
    private final Consumer<ConsoleLine> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);

    public LineSplitter(Consumer<ConsoleLine> sink) {
        this.sink = sink;
    }

    /** Feeds {@code len} bytes that arrived at {@code arrivalNanos}. */
    public void feed(byte[] buf, int off, int len, long arrivalNanos) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\n') {
                pending.write(buf, start, i - start);
                emit(arrivalNanos);
                start = i + 1;
            }
        }
        pending.write(buf, start, off + len - start);
    }

    /** Emits a final unterminated line, if any (at end of stream). */
    public void finish(long arrivalNanos) {
        if (pending.size() > 0) {
            emit(arrivalNanos);
        }
    }

    private void emit(long nanos) {
        String text = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        sink.accept(new ConsoleLine(nanos, text));
    }
}
