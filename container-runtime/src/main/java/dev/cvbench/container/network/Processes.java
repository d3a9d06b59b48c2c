package dev.cvbench.container.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short host command with optional stdin and extra environment, capturing both output streams. */
final class Processes {
    private Processes() {}

    /** What a finished command left: exit status (-1 if it timed out) and its output. */
    record Output(int exitCode, String stdout, String stderr) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} to completion. The process is killed when {@code timeout} passes or the
     * calling thread is interrupted; the interrupt flag is kept.
     *
     * @throws IOException when the program cannot be started
     */
    static Output run(List<String> command, Map<String, String> env, byte[] stdin, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (env != null) {
            builder.environment().keySet().removeIf(k -> k.startsWith("CNI_"));
            builder.environment().putAll(env);
        }
        Process process = builder.start();
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // the program exited without reading its input; its output says why
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Output(-1, out.getNow(""), "timed out after " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return new Output(-1, "", "interrupted");
        } catch (ExecutionException e) {
            throw new IOException("cannot read output of " + command.get(0), e.getCause());
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
