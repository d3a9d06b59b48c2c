package dev.cvbench.container.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InitFailedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's side of one cvinit conversation ({@link InitProtocol}): spawns cvinit, sends the
 * config and walks the request/ack pairs. Every wait is bounded by the timeout; an ERROR line
 * becomes an {@link InitFailedException}, an early exit or a silent helper a one-line
 * {@link ContainerException}. Closing the session closes the socket (stage 0 then kills an
 * attached container, so close only after the container is done or detached).
 */
public final class InitSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final SocketChannel channel;
    private final Selector selector;
    private final Duration timeout;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    private InitSession(Process process, SocketChannel channel, Selector selector, Duration timeout) {
        this.process = process;
        this.channel = channel;
        this.selector = selector;
        this.timeout = timeout;
    }

    /**
     * Spawns cvinit with a fresh socket at socketPath and sends it the encoded config.
     *
     * @param io how the container's stdin/stdout/stderr are connected (they are cvinit's)
     */
    public static InitSession start(Path binary, Path socketPath, String config, StdioSetup io, Duration timeout)
            throws ContainerException {
        if (socketPath.toString().length() > 100) {
            throw new ContainerException("state directory path is too long for a UNIX socket: " + socketPath.getParent()
                    + " (use a shorter --root)");
        }
        Process process = null;
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(socketPath);
            server.bind(UnixDomainSocketAddress.of(socketPath));
            ProcessBuilder pb = new ProcessBuilder(List.of(binary.toString(), socketPath.toString()));
            io.apply(pb);
            process = pb.start();
            server.configureBlocking(false);
            Selector acceptSel = Selector.open();
            server.register(acceptSel, SelectionKey.OP_ACCEPT);
            SocketChannel ch = null;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ch == null) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive() && acceptSel.selectNow() == 0) {
                    acceptSel.close();
                    throw new ContainerException("cvinit did not connect to " + socketPath
                            + (process.isAlive() ? " within " + timeout.toSeconds() + "s" : " (exited with " + process.exitValue() + ")"));
                }
                acceptSel.select(Math.min(left, 50));
                ch = server.accept();
            }
            acceptSel.close();
            Files.deleteIfExists(socketPath);
            ch.configureBlocking(false);
            Selector sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
            InitSession s = new InitSession(process, ch, sel, timeout);
            s.send(config);
            return s;
        } catch (IOException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw new ContainerException("cannot start cvinit (" + binary + "): " + e.getMessage(), e);
        } catch (ContainerException e) {
            if (process != null) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    public Process process() {
        return process;
    }

    /** Waits for READY_FOR_CGROUP and returns the container init's host pid. */
    public long awaitReadyForCgroup() throws ContainerException {
        String arg = expect(InitProtocol.READY_FOR_CGROUP);
        try {
            return Long.parseLong(arg);
        } catch (NumberFormatException e) {
            throw new ContainerException("cvinit sent a bad pid '" + arg + "'");
        }
    }

    public void expectMessage(String type) throws ContainerException {
        expect(type);
    }

    public void send(String text) throws ContainerException {
        ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    if (System.nanoTime() > deadline) {
                        throw new ContainerException("cvinit stopped reading its sync socket");
                    }
                    Thread.onSpinWait();
                }
            }
        } catch (IOException e) {
            throw new ContainerException("cannot write to cvinit: " + e.getMessage() + exitNote(), e);
        }
    }

    public void ack(String type) throws ContainerException {
        send(type + "\n");
    }

    /** Reads the next line; returns its argument if its type matches, else throws. */
    private String expect(String type) throws ContainerException {
        String line = readLine(type);
        if (line.startsWith(InitProtocol.ERROR + " ")) {
            throw initError(line.substring(InitProtocol.ERROR.length() + 1));
        }
        String[] parts = line.split(" ", 2);
        if (!parts[0].equals(type)) {
            throw new ContainerException("protocol error: expected " + type + " from cvinit, got '" + line + "'");
        }
        return parts.length > 1 ? parts[1] : "";
    }

    static InitFailedException initError(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new InitFailedException(n.path("stage").asText("unknown"), n.path("errno").asInt(0),
                    n.path("message").asText(json));
        } catch (IOException e) {
            return new InitFailedException("unknown", 0, json);
        }
    }

    private String readLine(String waitingFor) throws ContainerException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                String line = takeLine();
                if (line != null) {
                    return line;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new ContainerException("cvinit sent no " + waitingFor + " within " + timeout.toSeconds()
                            + "s (see `ps` for a cvinit:[..] process stuck in that stage)");
                }
                selector.select(left);
                selector.selectedKeys().clear();
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    throw new ContainerException("cvinit closed the sync socket before " + waitingFor + exitNote());
                }
                pending.write(buffer.array(), 0, n);
            }
        } catch (IOException e) {
            throw new ContainerException("cannot read from cvinit: " + e.getMessage(), e);
        }
    }

    private String takeLine() {
        byte[] b = pending.toByteArray();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                pending.reset();
                pending.write(b, i + 1, b.length - i - 1);
                return new String(b, 0, i, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String exitNote() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (cvinit exited with status " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException ignored) {
            // closing a socket we no longer need
        }
    }
}
