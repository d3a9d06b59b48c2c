package dev.cvbench.vm.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory tree of libvirt's embedded QEMU driver ({@code qemu:///embed?root=DIR}), and the
 * {@code qemu.conf} cvbench writes into it before connecting:
 *
 * <pre>
 * DIR/etc/qemu.conf        user/group root, no security driver, QEMU stdio to a plain file (no virtlogd),
 *                          no per-VM mount namespace or cgroups
 * DIR/run/qemu/NAME.pid    QEMU's pid, written by libvirt
 * DIR/log/qemu/NAME.log    QEMU's stderr and libvirt's command line, for post-mortems
 * DIR/console/NAME.sock    the serial console socket cvbench listens on
 * </pre>
 *
 * Why those settings: the embedded driver runs inside this process, without libvirtd and without the daemons
 * around it (virtlogd, virtlockd), so QEMU must log to a file; cvbench VMs boot files cvbench owns, so QEMU
 * runs as root without relabelling them. Note that a privileged (root) libvirt still resolves the compiled-in
 * QEMU user ({@code libvirt-qemu} on Debian) at start, even when qemu.conf overrides it: see {@link #checkUser}.
 */
public final class EmbedRoot {
    /** libvirt on Debian is built with this QEMU user and group; they must exist for a root embed driver. */
    public static final String DEBIAN_QEMU_USER = "libvirt-qemu";

    private final Path root;

    public EmbedRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public String uri() {
        return "qemu:///embed?root=" + root;
    }

    public Path pidFile(String domain) {
        return root.resolve("run/qemu/" + domain + ".pid");
    }

    public Path qemuLog(String domain) {
        return root.resolve("log/qemu/" + domain + ".log");
    }

    public Path consoleSocket(String domain) {
        return root.resolve("console/" + domain + ".sock");
    }

    /** Creates the tree and writes qemu.conf (always rewritten, so a stale edit cannot linger). */
    public void prepare() throws IOException {
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("console"));
        String conf = String.join("\n", List.of(
                "# Written by cvbench: the embedded QEMU driver of this state directory.",
                "user = \"root\"",
                "group = \"root\"",
                "dynamic_ownership = 0",
                "security_driver = \"none\"",
                "stdio_handler = \"file\"",
                "# No private /dev namespace and no per-VM cgroups: each costs ~20 ms per start, and cvbench",
                "# measures QEMU's memory from /proc instead of a cgroup.",
                "namespaces = [ ]",
                "cgroup_controllers = [ ]",
                ""));
        Path target = root.resolve("etc/qemu.conf");
        Path tmp = root.resolve("etc/qemu.conf.tmp");
        Files.writeString(tmp, conf);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A root embedded driver fails with "Failed to parse user 'libvirt-qemu'" when the Debian package that
     * creates that user (libvirt-daemon-system) is not installed. Returns the missing account's name, if any.
     */
    public static java.util.Optional<String> checkUser(List<String> passwd, List<String> group) {
        boolean user = passwd.stream().anyMatch(l -> l.startsWith(DEBIAN_QEMU_USER + ":"));
        boolean grp = group.stream().anyMatch(l -> l.startsWith(DEBIAN_QEMU_USER + ":"));
        if (!user) {
            return java.util.Optional.of("user " + DEBIAN_QEMU_USER);
        }
        return grp ? java.util.Optional.empty() : java.util.Optional.of("group " + DEBIAN_QEMU_USER);
    }
}
