package dev.cvbench.container.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Test fixtures for integration tests: root check and a busybox rootfs assembled from busybox-static. */
public final class Busybox {
    static final Path BUSYBOX = Path.of("/bin/busybox");
    static final List<String> APPLETS = List.of("sh", "ls", "cat", "ps", "hostname", "true", "echo", "sleep", "ip", "mount",
            "touch", "grep", "head", "dd", "wc", "seq", "ipcs", "kill", "test", "yes", "timeout", "ifconfig", "tar", "rm",
            "mkdir", "sync", "id");

    private Busybox() {}

    /** Skips (with the reason) unless running as root with busybox-static installed. */
    public static void assumeRootAndBusybox() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "integration tests need root (namespaces, cgroups, mounts): skipped as " + System.getProperty("user.name"));
        Assumptions.assumeTrue(Files.isExecutable(BUSYBOX), "needs /bin/busybox (apt-get install busybox-static)");
    }

    /** The cgroup directory of container id under root, in one v1 controller hierarchy. */
    public static Path cgroupDir(Path root, String controller, String id) {
        String hash = String.format("%08x", root.toAbsolutePath().normalize().toString().hashCode());
        return Path.of("/sys/fs/cgroup", controller, "cvbench", id + "-" + hash);
    }

    /** Creates dir/rootfs with /bin/busybox and applet symlinks; returns the rootfs. */
    public static Path rootfs(Path dir) throws IOException {
        Path rootfs = dir.resolve("rootfs");
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String a : APPLETS) {
            Files.createSymbolicLink(bin.resolve(a), Path.of("busybox"));
        }
        for (String d : List.of("proc", "dev", "sys", "tmp", "etc")) {
            Files.createDirectories(rootfs.resolve(d));
        }
        return rootfs;
    }
}
