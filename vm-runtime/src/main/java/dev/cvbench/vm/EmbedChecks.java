package dev.cvbench.vm;

import dev.cvbench.vm.host.EmbedRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the embedded QEMU driver needs before a connection is attempted, each failure as one actionable line. */
final class EmbedChecks {
    private EmbedChecks() {
    }

    static void check(String uri, EmbedRoot root) throws VmException.LibvirtUnavailable {
        if (!isRoot()) {
            throw new VmException.LibvirtUnavailable(uri, "the embedded libvirt driver must run as root here"
                    + " (it creates taps and runs QEMU as root); run as root or pass --libvirt-uri qemu:///session");
        }
        try {
            Optional<String> missing = EmbedRoot.checkUser(Files.readAllLines(Path.of("/etc/passwd")),
                    Files.readAllLines(Path.of("/etc/group")));
            if (missing.isPresent()) {
                throw new VmException.LibvirtUnavailable(uri, "libvirt needs the " + missing.get()
                        + " even when embedded; create it: groupadd -r libvirt-qemu; useradd -r -g libvirt-qemu"
                        + " -d /nonexistent -s /usr/sbin/nologin libvirt-qemu (or apt-get install libvirt-daemon-system)");
            }
        } catch (IOException e) {
            // cannot read the account files: let libvirt report whatever it finds
        }
        try {
            root.prepare();
        } catch (IOException e) {
            throw new VmException.LibvirtUnavailable(uri, "cannot prepare the embedded driver's directory "
                    + root.root() + ": " + e.getMessage(), e);
        }
    }

    private static Path processRoot;

    /**
     * Remembers the embedded root this process uses. libvirt refuses a second root in the same process ("Cannot
     * open embedded driver at path X, already open with path Y"); this says so in cvbench's words.
     */
    static synchronized void claimProcessRoot(String uri, Path root) throws VmException.LibvirtUnavailable {
        if (processRoot != null && !processRoot.equals(root)) {
            throw new VmException.LibvirtUnavailable(uri, "this process already uses the embedded libvirt driver at "
                    + processRoot + " and libvirt allows only one per process; use the same state directory");
        }
        processRoot = root;
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return List.of(line.split("\\s+")).get(2).equals("0");
                }
            }
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
        return false;
    }
}
