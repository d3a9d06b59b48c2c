package dev.cvbench.harness.sandbox.host;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.LineCollector;
import dev.cvbench.harness.sandbox.Phases;
import dev.cvbench.harness.sandbox.ProcFootprint;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A plain host process: the baseline. stdout and stderr are merged and timestamped on arrival. */
final class ProcessInstance implements Instance {
    private final String id;
    private final Process process;
    private final Phases phases;
    private final LineCollector output;
    private final Thread waiter;

    private ProcessInstance(String id, Process process, Phases phases) {
        this.id = id;
        this.process = process;
        this.phases = phases;
        this.output = LineCollector.start(process.getInputStream(), id + "-out", this::onLine);
        this.waiter = new Thread(this::awaitExit, id + "-wait");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Starts {@code argv}; the launch request is stamped just before the fork. */
    static ProcessInstance start(String id, ProcessBuilder pb) throws IOException {
        Phases phases = new Phases();
        phases.mark(PhaseMark.LAUNCH_REQUESTED);
        Process p = pb.redirectErrorStream(true).start();
        phases.mark(PhaseMark.PROCESS_STARTED);
        return new ProcessInstance(id, p, phases);
    }

    private void onLine(ConsoleLine line) {
        phases.mark(PhaseMark.FIRST_OUTPUT, line.arrivalNanos());
    }

    private void awaitExit() {
        while (true) {
            try {
                process.waitFor();
                phases.mark(PhaseMark.EXITED);
                return;
            } catch (InterruptedException e) {
                // keep waiting: the mark must be taken when the process really ends
            }
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.HOST;
    }

    @Override
    public List<ConsoleLine> lines() {
        return output.lines();
    }

    @Override
    public ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException, InterruptedException {
        return output.waitFor(pattern, timeout);
    }

    @Override
    public int waitForExit(Duration timeout) throws TimeoutException, InterruptedException {
        if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new TimeoutException(id + " still running after " + timeout.toMillis() + " ms");
        }
        waiter.join(1000);
        output.awaitEnd(Duration.ofSeconds(5));
        return process.exitValue();
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public Optional<InetAddress> address() {
        return Optional.empty();
    }

    @Override
    public List<PhaseMark> phases() {
        return phases.list();
    }

    @Override
    public Footprint memoryFootprint() {
        return process.isAlive() ? ProcFootprint.of(process.toHandle()) : Footprint.unknown();
    }

    @Override
    public void stop(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            kill();
            Thread.currentThread().interrupt();
        }
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
