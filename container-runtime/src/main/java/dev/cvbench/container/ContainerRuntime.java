package dev.cvbench.container;

import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.config.CheckContext;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.SpecConverter;
import dev.cvbench.container.init.InitBinary;
import dev.cvbench.container.init.InitProtocol;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.lifecycle.Janitor;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.sys.Syscalls;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The library entry point (no ./cvrun exec): containers created here share the CLI's state
 * format, so {@code cvrun --root <root> list} shows them, and are owned by this process.
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
        Syscalls sys = Syscalls.linux();
        if (sys.geteuid() != 0) {
            throw new ContainerException("the container runtime needs root (namespaces, cgroups, mounts)");
        }
        StateStore store = new StateStore(root);
        RuntimeContext ctx = new RuntimeContext(store, sys, CgroupLayout.forHost(), InitBinary.locate(store.root()),
                NetworkAttacher.NONE, InitProtocol.DEFAULT_TIMEOUT);
        Janitor.sweep(ctx);
        return new ContainerRuntime(ctx);
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

    /** "v1" or "v2". */
    public String cgroupVersion() {
        return ctx.cgroups().version();
    }

    /** Creates the container; its process waits for {@link Container#start()}. */
    public Container create(String id, ContainerSpec spec) throws ContainerException {
        StateStore.checkId(id);
        ContainerConfig cfg = SpecConverter.convert(SpecBuilder.toSpec(ctx, id, spec), CheckContext.forHost(spec.image()));
        Create.Result r = Create.run(ctx, new Create.Request(id, Optional.empty(), cfg,
                spec.overlay() ? Optional.of(spec.image().toAbsolutePath()) : Optional.empty(), new StdioSetup.Pipes(), true));
        return new Container(ctx, r);
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
}
