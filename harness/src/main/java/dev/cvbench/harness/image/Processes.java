package dev.cvbench.harness.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the external tools of an image build (jlink, jdeps, ldd, strip, chroot). stdout and stderr are merged
 * and captured; the process is killed when it overruns its timeout or the calling thread is interrupted, so
 * an interrupted build leaves no stray jlink behind.
 */
final class Processes {
    /** Lines of output kept in error messages. */
    static final int TAIL = 12;

    private Processes() {}

    /** The outcome of one command. */
    record Result(List<String> command, int exitCode, String output, Duration took) {
        List<String> lines() {
            return output.isEmpty() ? List.of() : Arrays.asList(output.split("\n"));
        }

        List<String> tail() {
            List<String> l = lines();
            return l.subList(Math.max(0, l.size() - TAIL), l.size());
        }
    }

    /** The executable {@code name} on {@code PATH}, if any. */
    static java.util.Optional<Path> which(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (java.nio.file.Files.isRegularFile(p) && java.nio.file.Files.isExecutable(p)) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    /** Runs {@code command}; returns whatever exit code it had. */
    static Result run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return run(command, timeout, null);
    }

    static Result run(List<String> command, Duration timeout, Path workDir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        long start = System.nanoTime();
        Process p = pb.start();
        try {
            p.getOutputStream().close();
            OutputCollector out = new OutputCollector(p.getInputStream());
            out.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killAndReap(p);
                out.join();
                return new Result(command, -1, out.text() + "\n(killed after " + timeout.toSeconds() + " s)",
                        Duration.ofNanos(System.nanoTime() - start));
            }
            out.join();
            return new Result(command, p.exitValue(), out.text(), Duration.ofNanos(System.nanoTime() - start));
        } finally {
            if (p.isAlive()) {
                killAndReap(p);
            }
        }
    }

    /**
     * Kills {@code p} and waits (up to 10 s) until it is gone, even when this thread was interrupted, so the
     * caller can delete the files the process was writing; the interrupt status is kept.
     */
    private static void killAndReap(Process p) {
        p.destroyForcibly();
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                p.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code command} as part of {@code step}; a non-zero exit becomes a {@link ImageException.StepFailed}. */
    static Result check(BuildStep step, List<String> command, Duration timeout) throws ImageException, InterruptedException {
        Result r;
        try {
            r = run(command, timeout);
        } catch (IOException e) {
            throw new ImageException.StepFailed(step, "cannot run " + command.get(0) + ": " + e.getMessage(), List.of(), e);
        }
        if (r.exitCode() != 0) {
            List<String> tail = r.tail();
            String last = tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1).strip();
            throw new ImageException.StepFailed(step, String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " ... exited with status " + r.exitCode() + last, tail, null);
        }
        return r;
    }

    /** Drains a process's output on its own thread so a chatty tool never blocks on a full pipe. */
    private static final class OutputCollector extends Thread {
        private final InputStream in;
        private final List<byte[]> chunks = new ArrayList<>();

        OutputCollector(InputStream in) {
            super("cvbench-image-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (chunks) {
                        chunks.add(Arrays.copyOf(buf, n));
                    }
                }
            } catch (IOException ignored) {
                // the process died; keep what we have
            }
        }

        String text() {
            StringBuilder sb = new StringBuilder();
            synchronized (chunks) {
                java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
                for (byte[] c : chunks) {
                    all.writeBytes(c);
                }
                sb.append(all.toString(StandardCharsets.UTF_8));
            }
            return sb.toString().stripTrailing();
        }
    }
}
