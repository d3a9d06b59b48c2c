package dev.cvbench.container.rootfs;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.SyscallException;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A per-container root filesystem as an overlay: the shared image directory is the read-only
 * lower layer, the container's writes go to {@code upper/} under its state directory, and the
 * merged view is mounted at {@code rootfs/} there. Many containers share one image this way;
 * deleting a container drops its upper layer and nothing else.
 */
public final class OverlayRootfs {
    private static final int ENOENT = 2;
    private static final int EINVAL = 22;
    private final Syscalls sys;

    public OverlayRootfs(Syscalls sys) {
        this.sys = sys;
    }

    /** Mounts the overlay and returns the merged directory. */
    public Path mount(Path image, Path stateDir) throws ContainerException {
        Path upper = stateDir.resolve("upper");
        Path work = stateDir.resolve("work");
        Path merged = mergedDir(stateDir);
        try {
            Files.createDirectories(upper);
            Files.createDirectories(work);
            Files.createDirectories(merged);
        } catch (IOException e) {
            throw new ContainerException("cannot create overlay directories in " + stateDir + ": " + e.getMessage(), e);
        }
        sys.mount("overlay", merged.toString(), "overlay", 0,
                "lowerdir=" + image.toAbsolutePath() + ",upperdir=" + upper + ",workdir=" + work);
        return merged;
    }

    /** Lazily unmounts the merged view; not mounted (EINVAL) or gone (ENOENT) is fine, so it is safe twice. */
    public void unmount(Path stateDir) throws ContainerException {
        Path merged = mergedDir(stateDir);
        if (!Files.exists(merged)) {
            return;
        }
        try {
            sys.umount(merged.toString(), Syscalls.MNT_DETACH);
        } catch (SyscallException e) {
            if (e.errno() != EINVAL && e.errno() != ENOENT) {
                throw e;
            }
        }
    }

    public static Path mergedDir(Path stateDir) {
        return stateDir.resolve("rootfs");
    }
}
