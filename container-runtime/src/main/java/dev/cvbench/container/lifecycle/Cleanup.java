package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.VolumeMounts;
import dev.cvbench.container.rootfs.OverlayRootfs;
import dev.cvbench.container.state.ProcessTable;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes everything a container left on the host, in reverse order of creation: its processes
 * (SIGKILL, bounded wait), network wiring, cgroup, overlay mount, state directory, its hold on named
 * volumes (their data stays). Every step is
 * idempotent, so delete, the janitor and a failed create can all use it.
 */
public final class Cleanup {
    private Cleanup() {}

    public static void remove(RuntimeContext ctx, RuntimeRecord r) throws ContainerException {
        killAndWait(ctx, r);
        if (r.network()) {
            ctx.network().detach(r.id(), Path.of("/proc", Long.toString(r.pid()), "ns", "net"));
        }
        ctx.cgroup(r).destroy();
        Path dir = ctx.store().dir(r.id());
        if (r.overlay()) {
            new OverlayRootfs(ctx.sys()).unmount(dir);
        }
        ctx.store().removeDir(r.id());
        VolumeMounts.release(ctx, r.id(), VolumeMounts.recorded(r));
        removeShm(ctx.store().root().resolve(".shm").resolve(r.id()));
    }

    /** The host directory behind a shareable container's /dev/shm (see ContainerSpec ipc modes). */
    private static void removeShm(Path dir) throws ContainerException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (java.nio.file.NoSuchFileException e) {
            // not a shareable container
        } catch (IOException e) {
            throw new ContainerException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    static void killAndWait(RuntimeContext ctx, RuntimeRecord r) throws ContainerException {
        if (!ProcessTable.isAlive(r.pid(), r.pidStartTime())) {
            return;
        }
        ctx.sys().kill(r.pid(), Syscalls.SIGKILL);
        long deadline = System.nanoTime() + ctx.timeout().toNanos();
        while (ProcessTable.isAlive(r.pid(), r.pidStartTime())) {
            if (System.nanoTime() > deadline) {
                throw new ContainerException("container '" + r.id() + "' (pid " + r.pid() + ") did not die after SIGKILL");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerException("interrupted while waiting for '" + r.id() + "' to die", e);
            }
        }
    }
}
