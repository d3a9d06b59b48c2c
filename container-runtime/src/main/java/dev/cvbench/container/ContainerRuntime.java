package dev.cvbench.container;

import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.config.CheckContext;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.SpecConverter;
import dev.cvbench.container.init.InitBinary;
import dev.cvbench.container.init.InitProtocol;
import dev.cvbench.container.init.InitSession;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.ContainerStatus;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.lifecycle.Delete;
import dev.cvbench.container.lifecycle.Exec;
import dev.cvbench.container.lifecycle.Janitor;
import dev.cvbench.container.lifecycle.Kill;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.lifecycle.Start;
import dev.cvbench.container.network.CniNetworkAttacher;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.state.Status;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The library entry point (no ./cvrun exec): containers created here share the CLI's state
 * format, so {@code cvrun --root <root> list} shows them. {@link #create} makes a container owned by
 * this process (pipes for output; it dies with the process); {@link #createDetached} one that outlives it
 * (output in {@link #logFile}), as {@code cvbench container run -d} does. {@code bridge} containers go on
 * the CNI bridge ({@code cvbench0}, 10.213.0.0/24 unless {@link #withNetwork} says otherwise).
 *
 * <pre>{@code
 * ContainerRuntime rt = ContainerRuntime.at(Path.of("/run/cvbench"));
 * try (Container c = rt.create("hello", ContainerSpec.of(image, "/bin/echo", "hi"))) {
 *     c.start();
 *     String out = new String(c.stdout().readAllBytes());
 *     int status = c.waitForExit(Duration.ofSeconds(5)).orElseThrow();
 * }
 * }</pre>
 */
public final class ContainerRuntime {
    private final RuntimeContext ctx;

    private ContainerRuntime(RuntimeContext ctx) {
        this.ctx = ctx;
    }

    /** Opens the runtime at root (created if missing) and removes leftovers of dead owners. */
    public static ContainerRuntime at(Path root) throws ContainerException {
        return new ContainerRuntime(open(root, "the container runtime needs root (namespaces, cgroups, mounts)"));
    }

    /**
     * The runtime context every face uses: root check, cgroup layout, cvinit, the default CNI network under
     * root, janitor sweep.
     */
    public static RuntimeContext open(Path root, String notRootMessage) throws ContainerException {
        Syscalls sys = Syscalls.linux();
        if (sys.geteuid() != 0) {
            throw new ContainerException(notRootMessage);
        }
        StateStore store = new StateStore(root);
        RuntimeContext ctx = new RuntimeContext(store, sys, CgroupLayout.forHost(), InitBinary.locate(store.root()),
                CniNetworkAttacher.defaults(store.root()), InitProtocol.DEFAULT_TIMEOUT);
        Janitor.sweep(ctx);
        return ctx;
    }

    /** The same runtime, wiring {@code bridge} containers with this attacher. */
    public ContainerRuntime withNetwork(NetworkAttacher attacher) {
        return new ContainerRuntime(new RuntimeContext(ctx.store(), ctx.sys(), ctx.cgroups(), ctx.initBinary(), attacher,
                ctx.timeout()));
    }

    public ContainerRuntime withTimeout(Duration timeout) {
        return new ContainerRuntime(new RuntimeContext(ctx.store(), ctx.sys(), ctx.cgroups(), ctx.initBinary(), ctx.network(),
                timeout));
    }

    public Path root() {
        return ctx.store().root();
    }

    /** The runtime's version, as {@code cvrun --version} prints it. */
    public static final String VERSION = "0.1.0";

    /** "v1" or "v2". */
    public String cgroupVersion() {
        return ctx.cgroups().version();
    }

    /** Creates the container owned by this process; its process waits for {@link Container#start()}. */
    public Container create(String id, ContainerSpec spec) throws ContainerException {
        return create(id, spec, new StdioSetup.Pipes(), true);
    }

    /** {@link #create} with stderr merged into {@link Container#stdout()} (one ordered stream, as a console). */
    public Container createWithMergedOutput(String id, ContainerSpec spec) throws ContainerException {
        return create(id, spec, new StdioSetup.MergedPipes(), true);
    }

    /**
     * Creates a container that outlives this process (like {@code cvrun create}): stdout and stderr go to
     * {@link #logFile}, and it stays, even stopped, until {@link #delete}.
     */
    public Container createDetached(String id, ContainerSpec spec) throws ContainerException {
        return create(id, spec, new StdioSetup.LogFile(ctx.store().dir(id).resolve(Create.LOG_FILE)), false);
    }

    private Container create(String id, ContainerSpec spec, StdioSetup stdio, boolean attached) throws ContainerException {
        StateStore.checkId(id);
        if (ctx.store().exists(id)) {
            throw new ContainerExistsException(id);
        }
        List<VolumeMounts.Mount> mounts = VolumeMounts.resolve(ctx, id, spec);
        try {
            ContainerConfig cfg = SpecConverter.convert(SpecBuilder.toSpec(ctx, id, spec, mounts), CheckContext.forHost(spec.image()));
            Create.Result r = Create.run(ctx, new Create.Request(id, Optional.empty(), cfg,
                    spec.overlay() ? Optional.of(spec.image().toAbsolutePath()) : Optional.empty(), stdio, attached));
            return new Container(ctx, r);
        } catch (ContainerException | RuntimeException e) {
            try {
                VolumeMounts.release(ctx, id, mounts);
            } catch (ContainerException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** create + start. */
    public Container run(String id, ContainerSpec spec) throws ContainerException {
        Container c = create(id, spec);
        try {
            c.start();
            return c;
        } catch (ContainerException | RuntimeException e) {
            try {
                c.delete();
            } catch (ContainerException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Starts a created container by id (any owner). */
    public void start(String id) throws ContainerException {
        Start.run(ctx, id);
    }

    /** Sends a signal to a created or running container's init. */
    public void kill(String id, int signal) throws ContainerException {
        Kill.run(ctx, id, signal);
    }

    /** Removes a stopped container; {@code force} kills a created or running one first. */
    public void delete(String id, boolean force) throws ContainerException {
        Delete.run(ctx, id, force);
    }

    /** Runs argv in a running container with this process's stdio; returns the command's process. */
    public Process execInherit(String id, List<String> argv) throws ContainerException {
        InitSession s = Exec.run(ctx, id, argv, new StdioSetup.Inherit());
        s.process().onExit().thenRun(s::close);
        return s.process();
    }

    /** Runs argv in a running container; the process's streams are pipes to the command. */
    public Process exec(String id, List<String> argv) throws ContainerException {
        InitSession s = Exec.run(ctx, id, argv, new StdioSetup.Pipes());
        s.process().onExit().thenRun(s::close);
        return s.process();
    }

    /** Where a detached container's output goes. */
    public Path logFile(String id) {
        return ctx.store().dir(id).resolve(Create.LOG_FILE);
    }

    public ContainerInfo info(String id) throws ContainerException {
        RuntimeRecord r = ctx.store().readRecord(id);
        Status status = ContainerStatus.of(ctx.store(), r);
        return new ContainerInfo(id, status, status == Status.STOPPED ? 0 : r.pid(), r.created(), r.args(),
                r.annotations() == null ? Map.of() : r.annotations(),
                r.network() ? ctx.network().address(id) : Optional.empty(), exitStatus(id));
    }

    /** Every container under the root, sorted by id; ones being created or deleted right now are left out. */
    public List<ContainerInfo> list() throws ContainerException {
        List<ContainerInfo> out = new ArrayList<>();
        for (String id : ctx.store().ids()) {
            try {
                out.add(info(id));
            } catch (NoSuchContainerException e) {
                // half-created or half-deleted
            }
        }
        return out;
    }

    /** cvinit's exit file: the container's status once it has stopped. */
    private OptionalInt exitStatus(String id) throws ContainerException {
        Path f = ctx.store().dir(id).resolve(Create.EXIT_FILE);
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(f).strip()));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            throw new ContainerException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
