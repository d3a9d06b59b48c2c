package dev.cvbench.vm;

import dev.cvbench.vm.host.EmbedRoot;
import dev.cvbench.vm.host.QemuProcesses;
import dev.cvbench.vm.libvirt.LibvirtInfo;
import dev.cvbench.vm.spec.VmSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** Finds and removes what earlier, interrupted runs left: see {@link VmRuntime#cleanupStale()}. */
final class StaleCleaner {
    private final Connect conn;
    private final Optional<EmbedRoot> embed;
    private final Path stateDir;
    private final Predicate<String> live;
    private final List<String> removed = new ArrayList<>();

    StaleCleaner(Connect conn, Optional<EmbedRoot> embed, Path stateDir, Predicate<String> live) {
        this.conn = conn;
        this.embed = embed;
        this.stateDir = stateDir;
        this.live = live;
    }

    List<String> run() throws VmException {
        try {
            destroyRunning();
            undefineDefined();
        } catch (LibvirtException e) {
            throw new VmException.LibvirtUnavailable(conn.toString(), "cannot list domains: "
                    + LibvirtInfo.message(e), e);
        }
        killOrphans();
        deleteSockets();
        return List.copyOf(removed);
    }

    private boolean ours(String name) {
        return name.startsWith(VmSpec.DOMAIN_PREFIX) && !live.test(name);
    }

    private void destroyRunning() throws LibvirtException {
        for (int id : conn.listDomains()) {
            Domain d;
            try {
                d = conn.domainLookupByID(id);
            } catch (LibvirtException e) {
                continue; // ended while we looked
            }
            try {
                String name = d.getName();
                if (ours(name)) {
                    d.destroy();
                    removed.add("destroyed domain " + name);
                }
            } catch (LibvirtException e) {
                if (!LibvirtInfo.isNoDomain(e)) {
                    throw e;
                }
            } finally {
                d.free();
            }
        }
    }

    private void undefineDefined() throws LibvirtException {
        for (String name : conn.listDefinedDomains()) {
            if (ours(name)) {
                Domain d = conn.domainLookupByName(name);
                d.undefine();
                d.free();
                removed.add("undefined domain " + name);
            }
        }
    }

    private void killOrphans() {
        if (embed.isEmpty()) {
            return; // a daemon's QEMUs are its business: destroyRunning covered them
        }
        Path root = embed.get().root();
        for (QemuProcesses.QemuProcess q : QemuProcesses.all()) {
            String name = q.guestName().orElse("");
            if (ours(name) && q.mentions(root)) {
                ProcessHandle.of(q.pid()).ifPresent(ProcessHandle::destroyForcibly);
                removed.add("killed orphan QEMU pid " + q.pid() + " (" + name + ")");
            }
        }
    }

    private void deleteSockets() {
        Path dir = stateDir.resolve("console");
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> socks = Files.newDirectoryStream(dir, VmSpec.DOMAIN_PREFIX + "*.sock")) {
            for (Path s : socks) {
                String name = s.getFileName().toString().replaceFirst("\\.sock$", "");
                if (ours(name)) {
                    Files.deleteIfExists(s);
                }
            }
        } catch (IOException e) {
            // best effort: a stale socket is replaced on the next boot anyway
        }
    }
}
