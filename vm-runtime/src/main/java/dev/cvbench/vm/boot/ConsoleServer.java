package dev.cvbench.vm.boot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host end of a VM's serial console: a UNIX socket the host listens on <em>before</em> the domain starts and
 * QEMU connects to ({@code <serial type='unix'><source mode='connect'>}). QEMU's chardev is then connected from
 * its first instruction on, so no output is lost, and one thread blocked in {@code read()} stamps each chunk with
 * {@link System#nanoTime()} the moment it arrives: the timestamp error is the wake-up latency of one thread,
 * microseconds, against the milliseconds a TCG guest needs to print a line on the emulated 16550 UART.
 *
 * <p>The stream ends when QEMU exits (or the VM is destroyed), which {@link ConsoleLog#end(long)} records.
 */
public final class ConsoleServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    /** sun_path is 108 bytes including the NUL. */
    public static final int MAX_SOCKET_PATH = 107;

    private final Path socket;
    private final ServerSocketChannel server;
    private final ConsoleLog log;
    private final Optional<Path> copyTo;
    private final Thread reader;
    private volatile SocketChannel client;

    private ConsoleServer(Path socket, ServerSocketChannel server, ConsoleLog log, Optional<Path> copyTo, String name) {
        this.socket = socket;
        this.server = server;
        this.log = log;
        this.copyTo = copyTo;
        this.reader = new Thread(this::run, "cvbench-console-" + name);
        this.reader.setDaemon(true);
    }

    /**
     * Binds {@code socket} (replacing a stale file) and starts the reader thread.
     *
     * @param copyTo a file to also write each line to, prefixed with milliseconds since the connection
     */
    public static ConsoleServer listen(Path socket, ConsoleLog log, Optional<Path> copyTo, String name)
            throws IOException {
        if (socket.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            throw new IOException("console socket path is longer than " + MAX_SOCKET_PATH
                    + " bytes (UNIX socket limit): " + socket + "; use a shorter state directory");
        }
        Files.createDirectories(socket.getParent());
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        ConsoleServer cs = new ConsoleServer(socket, server, log, copyTo, name);
        cs.reader.start();
        return cs;
    }

    public Path socket() {
        return socket;
    }

    private void run() {
        try (SocketChannel ch = server.accept()) {
            client = ch;
            long t0 = System.nanoTime();
            log.connected(t0);
            readAll(ch, t0);
        } catch (ClosedChannelException e) {
            LOG.debug("console {} closed", socket);
        } catch (IOException e) {
            LOG.warn("console {} failed: {}", socket, e.toString());
        } finally {
            log.end(System.nanoTime());
        }
    }

    private void readAll(SocketChannel ch, long t0) throws IOException {
        BufferedWriter copy = copyTo.isPresent() ? Files.newBufferedWriter(copyTo.get(), StandardCharsets.UTF_8) : null;
        try {
            LineSplitter splitter = new LineSplitter(line -> {
                log.add(line);
                if (copy != null) {
                    writeCopy(copy, line.arrivalNanos() - t0, line.text());
                }
            });
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (true) {
                buf.clear();
                int n = ch.read(buf);
                long now = System.nanoTime();
                if (n < 0) {
                    splitter.finish(now);
                    return;
                }
                if (n > 0) {
                    log.firstByte(now);
                    splitter.feed(buf.array(), 0, n, now);
                }
            }
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }

    private static void writeCopy(BufferedWriter w, long sinceConnectNanos, String text) {
        try {
            w.write(String.format(java.util.Locale.ROOT, "%10.3f %s%n", sinceConnectNanos / 1e6, text));
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops reading, closes the socket and removes its file. Idempotent. */
    @Override
    public void close() {
        try {
            server.close();
            SocketChannel c = client;
            if (c != null) {
                c.close();
            }
            reader.join(2000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.debug("closing console {}: {}", socket, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
