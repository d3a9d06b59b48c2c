package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a program inside an image's rootfs the way an instance would see it: a private mount namespace
 * ({@code unshare --mount}), {@code chroot}, then the image's own busybox mounts {@code /proc} (the JRE needs it
 * to find its libraries) and execs the program. The mount disappears with the namespace when the program
 * exits, so nothing is left mounted on the host. Needs root.
 */
public final class Chroot {
    private Chroot() {}

    /** Whether this process runs as root (uid 0), which chroot and unshare need. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[1].equals("0");
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** The host command that runs {@code argv} (in-image paths) inside {@code rootfs}. */
    public static List<String> command(Path rootfs, List<String> argv) {
        List<String> cmd = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
                "chroot", rootfs.toAbsolutePath().toString(),
                Busybox.IN_IMAGE, "sh", "-c", "mount -t proc proc /proc && exec \"$@\"", "sh"));
        cmd.addAll(argv);
        return cmd;
    }
}
