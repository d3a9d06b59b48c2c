package dev.cvbench.harness.sandbox.container;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.cgroups.CgroupStats;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.LineCollector;
import dev.cvbench.harness.sandbox.Phases;
import dev.cvbench.harness.sandbox.ProcFootprint;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One container of the runtime's library API. Output (stdout and stderr merged, as for host processes) is
 * stamped on arrival; phases are {@code launch_requested} (before create), {@code created} (create
 * returned: namespaces, cgroup, rootfs and network ready), {@code process_started} (the start signal is given),
 * {@code first_output} and {@code exited} (the container's init reaped). The waiter thread also enforces
 * the spec's timeout by killing the container.
 */
final class ContainerInstance implements Instance {
    static final String CREATED = "created";
    private static final Logger LOG = LoggerFactory.getLogger(ContainerInstance.class);
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;

    private final Container container;
    private final Phases phases;
    private final LineCollector output;
    private final Supplier<Optional<InetAddress>> sharedAddress;
    private final Thread waiter;
    private volatile Integer exitCode;
    private boolean closed;

    private ContainerInstance(Container container, Phases phases, Duration timeout, Supplier<Optional<InetAddress>> sharedAddress) {
        this.container = container;
        this.phases = phases;
        this.sharedAddress = sharedAddress;
        this.output = LineCollector.start(container.stdout(), container.id() + "-out",
                line -> phases.mark(PhaseMark.FIRST_OUTPUT, line.arrivalNanos()));
        this.waiter = new Thread(() -> awaitExit(timeout), container.id() + "-wait");
        waiter.setDaemon(true);
    }

    /**
     * Starts a created container and watches it.
     *
     * @param sharedAddress the address to report when the container shares another's network namespace
     */
    static ContainerInstance start(Container created, Phases phases, Duration timeout,
                                   Supplier<Optional<InetAddress>> sharedAddress) throws ContainerException {
        phases.mark(CREATED);
        ContainerInstance i = new ContainerInstance(created, phases, timeout, sharedAddress);
        phases.mark(PhaseMark.PROCESS_STARTED); // start releases the exec fifo: output can arrive before start() returns
        created.start();
        i.waiter.start();
        return i;
    }

    private void awaitExit(Duration timeout) {
        try {
            OptionalInt status = container.waitForExit(timeout);
            if (status.isEmpty()) {
                LOG.warn("{} still running after {}: killing it", id(), timeout);
                container.kill(SIGKILL);
                status = container.waitForExit(Duration.ofSeconds(30));
            }
            if (status.isPresent()) {
                phases.mark(PhaseMark.EXITED);
                exitCode = status.getAsInt();
            }
        } catch (ContainerException e) {
            LOG.debug("waiting for {}: {}", id(), e.getMessage());
        }
    }

    @Override
    public String id() {
        return container.id();
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.CONTAINER;
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
        waiter.join(Math.max(1, timeout.toMillis()));
        if (exitCode == null) {
            throw new TimeoutException(id() + " still running after " + timeout.toMillis() + " ms");
        }
        output.awaitEnd(Duration.ofSeconds(5));
        return exitCode;
    }

    @Override
    public OptionalInt exitCode() {
        Integer c = exitCode;
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    @Override
    public Optional<InetAddress> address() {
        try {
            Optional<String> own = container.address();
            if (own.isPresent()) {
                return Optional.of(InetAddress.getByName(own.get())); // a literal: no name lookup
            }
        } catch (ContainerException | UnknownHostException e) {
            LOG.debug("address of {}: {}", id(), e.getMessage());
        }
        return sharedAddress.get();
    }

    @Override
    public List<PhaseMark> phases() {
        return phases.list();
    }

    /** Cgroup usage and peak (everything charged to the container, page cache included) plus PSS/RSS of its processes. */
    @Override
    public Footprint memoryFootprint() {
        if (exitCode != null) {
            return Footprint.unknown();
        }
        Footprint proc = ProcessHandle.of(container.pid()).map(ProcFootprint::of).orElse(Footprint.unknown());
        try {
            CgroupStats stats = container.stats();
            return new Footprint(proc.pssBytes(), proc.rssBytes(), stats.memoryUsageBytes(), stats.memoryPeakBytes().orElse(-1),
                    "cgroup+" + proc.source());
        } catch (ContainerException e) {
            return proc;
        }
    }

    /** SIGTERM (PID 1 ignores it unless it has a handler), then SIGKILL after the grace period. */
    @Override
    public void stop(Duration grace) {
        try {
            container.kill(SIGTERM);
            if (container.waitForExit(grace).isEmpty()) {
                container.kill(SIGKILL);
            }
            waiter.join(5000);
        } catch (ContainerException e) {
            LOG.debug("stopping {}: {}", id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the container if needed and deletes it: cgroup, overlay, veth, lease, state dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            container.delete();
        } catch (ContainerException e) {
            LOG.warn("removing container {}: {} (cvbench doctor --clean removes leftovers)", id(), e.getMessage());
        }
    }
}
