package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.NoSuchContainerException;
import dev.cvbench.container.state.ProcessTable;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Removes leftovers at the start of every CLI command and every {@code ContainerRuntime.at}:
 * containers owned by a runtime process that is gone (an attached container whose JVM was
 * SIGKILLed, a create that died half-way) and directories without a runtime.json older than a
 * minute; then network attachments and volume users of containers that no longer exist. Detached containers are left alone, stopped or not: like runc, they wait for delete.
 */
public final class Janitor {
    static final Duration ORPHAN_DIR_AGE = Duration.ofMinutes(1);

    private Janitor() {}

    /** Returns the ids it removed; problems with one container do not stop the sweep. */
    public static List<String> sweep(RuntimeContext ctx) throws ContainerException {
        List<String> removed = new ArrayList<>();
        for (String id : ctx.store().ids()) {
            try {
                RuntimeRecord r = ctx.store().readRecord(id);
                if (r.ownerPid() != 0 && !ProcessTable.isAlive(r.ownerPid(), r.ownerStartTime())) {
                    Cleanup.remove(ctx, r);
                    removed.add(id);
                }
            } catch (NoSuchContainerException e) {
                if (olderThan(ctx.store().dir(id), ORPHAN_DIR_AGE)) {
                    ctx.store().removeDir(id);
                    removed.add(id);
                }
            } catch (ContainerException e) {
                // reported when a user touches that container; the sweep goes on
            }
        }
        sweepSharedState(ctx);
        return removed;
    }

    /**
     * Network attachments (veths, address leases) and named-volume users of containers whose state
     * directory is gone: a runtime killed between steps, or a crash during delete.
     */
    private static void sweepSharedState(RuntimeContext ctx) {
        try {
            Set<String> live = new HashSet<>(ctx.store().ids());
            ctx.network().cleanupStale(live);
            VolumeStore volumes = new VolumeStore(ctx.store().root());
            if (Files.isDirectory(volumes.directory())) {
                volumes.cleanupStale(live);
            }
        } catch (ContainerException e) {
            // reported by the next operation that needs the network or the volume
        }
    }

    private static boolean olderThan(Path dir, Duration age) {
        try {
            FileTime t = Files.getLastModifiedTime(dir);
            return t.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }
}
