package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.cgroups.CgroupManager;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.init.InitConfigEncoder;
import dev.cvbench.container.init.InitOptions;
import dev.cvbench.container.init.InitProtocol;
import dev.cvbench.container.init.InitSession;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.rootfs.OverlayRootfs;
import dev.cvbench.container.state.ProcessTable;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;
import dev.cvbench.container.state.StateStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code create}: everything up to, not including, the user's process. State dir, optional
 * overlay rootfs, cgroup with limits, exec fifo, cvinit through the sync protocol (cgroup,
 * network), state "created". Any failure undoes every step already done.
 */
public final class Create {
    public static final String EXEC_FIFO = "exec.fifo";
    public static final String EXIT_FILE = "exit";
    public static final String LOG_FILE = "container.log";

    /**
     * @param bundle   OCI bundle directory (reported in state), empty for library containers
     * @param image    when present, the rootfs is an overlay with this read-only lower directory
     * @param attached the caller keeps the session and the container dies with it (library, foreground run);
     *                 otherwise the container outlives this process (create, run -d)
     */
    public record Request(String id, Optional<Path> bundle, ContainerConfig config, Optional<Path> image, StdioSetup stdio,
                          boolean attached) {}

    /** The created container: its host pid, cvinit's session (open while attached) and its cgroup. */
    public record Result(String id, long pid, InitSession session, CgroupManager cgroup, RuntimeRecord record) {}

    private Create() {}

    public static Result run(RuntimeContext ctx, Request req) throws ContainerException {
        StateStore store = ctx.store();
        Path dir = store.createDir(req.id());
        Rollback rb = new Rollback();
        rb.add(() -> store.removeDir(req.id()));
        try {
            ContainerConfig cfg = req.config();
            RuntimeRecord rec = initialRecord(ctx, req);
            store.writeRecord(rec);
            ProcessConfigFile.write(dir, cfg.process());
            if (req.image().isPresent()) {
                OverlayRootfs overlay = new OverlayRootfs(ctx.sys());
                cfg = cfg.withRootfs(overlay.mount(req.image().get(), dir));
                rb.add(() -> overlay.unmount(dir));
            }
            CgroupManager cg = cgroup(ctx, rec, cfg, rb);
            String encoded = InitConfigEncoder.encode(cfg, new InitOptions(false, Optional.of(dir.resolve(EXEC_FIFO)),
                    Optional.of(dir.resolve(EXIT_FILE)), req.attached()), ctx.cgroups());
            InitSession session = InitSession.start(ctx.initBinary(), dir.resolve("init.sock"), encoded, req.stdio(), ctx.timeout());
            rb.add(() -> {
                session.process().destroyForcibly();
                session.close();
            });
            rec = handshake(ctx, req, cfg, session, cg, rec, rb);
            store.writeRecord(rec);
            store.writeState(ContainerStatus.ociState(rec, Status.CREATED));
            session.ack(InitProtocol.CREATED);
            if (!req.attached()) {
                session.close();
            }
            return new Result(req.id(), rec.pid(), session, cg, rec);
        } catch (ContainerException | RuntimeException e) {
            rb.undo(e);
            throw e;
        }
    }

    /** Owned by this process until created (the janitor removes it if we die half-way). */
    private static RuntimeRecord initialRecord(RuntimeContext ctx, Request req) {
        ContainerConfig cfg = req.config();
        long self = ProcessTable.self();
        return new RuntimeRecord(req.id(), req.bundle().map(Path::toString).orElse(""), 0, 0, self,
                ProcessTable.startTime(self), cfg.cgroupsPath().orElse(ctx.defaultCgroupPath(req.id())), req.image().isPresent(),
                false, Instant.now().toString(), cfg.process().args(), cfg.annotations());
    }

    private static CgroupManager cgroup(RuntimeContext ctx, RuntimeRecord rec, ContainerConfig cfg, Rollback rb)
            throws ContainerException {
        CgroupManager cg = ctx.cgroup(rec);
        if (cg.exists() && cg.pids().isEmpty()) {
            cg.destroy(); // an empty leftover (its state dir is gone): take it over
        } else if (cg.exists()) {
            throw new ContainerException("cgroup " + rec.cgroupPath() + " is already in use (a container '" + rec.id()
                    + "' under another --root?): choose another id");
        }
        rb.add(cg::destroy);
        cg.create(cfg.resources());
        return cg;
    }

    /** The sync protocol up to READY_TO_EXEC: cgroup, then network; returns the record with the pid. */
    private static RuntimeRecord handshake(RuntimeContext ctx, Request req, ContainerConfig cfg, InitSession session,
                                           CgroupManager cg, RuntimeRecord rec, Rollback rb) throws ContainerException {
        long pid = session.awaitReadyForCgroup();
        cg.addProcess(pid);
        session.ack(InitProtocol.CGROUP_DONE);
        session.expectMessage(InitProtocol.NETNS_READY);
        boolean network = cfg.wantsBridgeNetwork();
        if (network) {
            Path netns = Path.of("/proc", Long.toString(pid), "ns", "net");
            rb.add(() -> ctx.network().detach(req.id(), netns));
            ctx.network().attach(req.id(), netns);
        }
        session.ack(InitProtocol.NETWORK_DONE);
        session.expectMessage(InitProtocol.READY_TO_EXEC);
        RuntimeRecord created = rec.withPid(pid, ProcessTable.startTime(pid)).withNetwork(network);
        return req.attached() ? created : created.detached();
    }
}
