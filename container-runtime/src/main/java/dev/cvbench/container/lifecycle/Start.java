package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code start}: lets a created container's init run the user's process. The init is blocked
 * opening the exec fifo for writing; opening it for reading and reading its one byte releases it
 * (runc's create/start split). The fifo is then removed, which is how status tells created from running.
 */
public final class Start {
    private Start() {}

    public static void run(RuntimeContext ctx, String id) throws ContainerException {
        RuntimeRecord r = ctx.store().readRecord(id);
        Status status = ContainerStatus.of(ctx.store(), r);
        if (!status.canStart()) {
            throw new InvalidStateException(id, status.ociName(), "start");
        }
        Path fifo = ctx.store().dir(id).resolve(Create.EXEC_FIFO);
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(() -> {
            try (FileInputStream in = new FileInputStream(fifo.toFile())) {
                return in.read();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        try {
            int b = read.get(ctx.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (b != '0') {
                throw new ContainerException("container '" + id + "' exited before it could start");
            }
        } catch (TimeoutException e) {
            unblock(fifo);
            throw new ContainerException("container '" + id + "' did not take the start signal within " + ctx.timeout().toSeconds() + "s");
        } catch (ExecutionException e) {
            throw new ContainerException("cannot start '" + id + "': " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unblock(fifo);
            throw new ContainerException("interrupted while starting '" + id + "'", e);
        }
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException e) {
            throw new ContainerException("cannot remove " + fifo + ": " + e.getMessage(), e);
        }
        ctx.store().writeState(ContainerStatus.ociState(r, Status.RUNNING));
    }

    /** Our reader thread is blocked in open(); opening the write end lets it return. */
    private static void unblock(Path fifo) {
        try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
            out.flush();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
