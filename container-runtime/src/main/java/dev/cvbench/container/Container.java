package dev.cvbench.container;

import dev.cvbench.container.cgroups.CgroupStats;
import dev.cvbench.container.init.InitSession;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.Cleanup;
import dev.cvbench.container.lifecycle.ContainerStatus;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.lifecycle.Exec;
import dev.cvbench.container.lifecycle.Kill;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.lifecycle.Start;
import dev.cvbench.container.state.Status;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A container owned by this process (library API). Its stdout and stderr are pipes: read them
 * (the harness timestamps lines on arrival), or the container blocks once a pipe buffer fills.
 * It dies with this process; {@link #close()} kills and removes it.
 */
public final class Container implements AutoCloseable {
    private final RuntimeContext ctx;
    private final Create.Result created;
    private boolean deleted;

    Container(RuntimeContext ctx, Create.Result created) {
        this.ctx = ctx;
        this.created = created;
    }

    public String id() {
        return created.id();
    }

    /** Host pid of the container's init (PID 1 inside). */
    public long pid() {
        return created.pid();
    }

    public InputStream stdout() {
        return session().process().getInputStream();
    }

    public InputStream stderr() {
        return session().process().getErrorStream();
    }

    /** The container's IPv4 address on the bridge (bridge mode only). */
    public Optional<String> address() throws ContainerException {
        return ctx.network().address(id());
    }

    public void start() throws ContainerException {
        Start.run(ctx, id());
    }

    public Status status() {
        try {
            return ContainerStatus.of(ctx.store(), ctx.store().readRecord(id()));
        } catch (ContainerException e) {
            return Status.STOPPED;
        }
    }

    /** The exit status (128+n if killed by signal n), or empty if still running after the timeout. */
    public OptionalInt waitForExit(Duration timeout) throws ContainerException {
        try {
            Process p = session().process();
            return p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? OptionalInt.of(p.exitValue()) : OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while waiting for '" + id() + "'", e);
        }
    }

    /**
     * Runs argv inside this running container (its namespaces, cgroup, env, cwd, user and
     * capabilities), like {@code docker exec}. The returned process's streams are the command's;
     * its exit value is the command's status.
     */
    public Process exec(List<String> argv) throws ContainerException {
        InitSession s = Exec.run(ctx, id(), argv, new StdioSetup.Pipes());
        s.process().onExit().thenRun(s::close);
        return s.process();
    }

    public void kill(int signal) throws ContainerException {
        Kill.run(ctx, id(), signal);
    }

    public CgroupStats stats() throws ContainerException {
        return created.cgroup().stats();
    }

    public long memoryUsage() throws ContainerException {
        return stats().memoryUsageBytes();
    }

    public OptionalLong memoryPeak() throws ContainerException {
        return stats().memoryPeakBytes();
    }

    /** Kills the container if needed and removes everything it left (cgroup, overlay, network, state). */
    public void delete() throws ContainerException {
        if (deleted) {
            return;
        }
        deleted = true;
        Cleanup.remove(ctx, ctx.store().readRecord(id()));
        session().close();
    }

    @Override
    public void close() throws ContainerException {
        delete();
    }

    private InitSession session() {
        return created.session();
    }
}
