package dev.cvbench.container.config;

import dev.cvbench.container.spec.Spec;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/** Rules for {@code root}, {@code mounts}, {@code hostname} and the masked/read-only path lists. */
final class FilesystemChecks {
    static final Set<String> MOUNT_TYPES = Set.of("bind", "proc", "sysfs", "tmpfs", "devpts", "mqueue", "cgroup", "cgroup2");

    private FilesystemChecks() {}

    static void root(Spec s, CheckContext ctx, Problems p) {
        if (s.root() == null || s.root().path() == null || s.root().path().isBlank()) {
            p.add("root.path", "is required");
        } else if (!Files.isDirectory(ctx.resolve(s.root().path()))) {
            p.add("root.path", "rootfs directory " + ctx.resolve(s.root().path()) + " does not exist");
        }
    }

    static void hostname(Spec s, CheckContext ctx, Problems p) {
        String h = s.hostname();
        if (h == null) {
            return;
        }
        if (h.isEmpty() || h.length() > 64 || !h.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            p.add("hostname", "'" + h + "' is not a valid host name (letters, digits, '-', '.'; at most 64)");
        }
        boolean newUts = s.linux() != null && s.linux().namespaces() != null && s.linux().namespaces().stream()
                .anyMatch(n -> "uts".equals(n.type()) && (n.path() == null || n.path().isEmpty()));
        if (!newUts) {
            p.add("hostname", "setting a hostname needs a new uts namespace in linux.namespaces");
        }
    }

    static void mounts(Spec s, CheckContext ctx, Problems p) {
        List<Spec.Mount> mounts = s.mounts() == null ? List.of() : s.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            Spec.Mount m = mounts.get(i);
            String path = "mounts[" + i + "]";
            if (!isCleanAbsolute(m.destination())) {
                p.add(path + ".destination", "must be an absolute path without '..' (got '" + m.destination() + "')");
            }
            boolean bind = isBind(m);
            if (!bind && (m.type() == null || !MOUNT_TYPES.contains(m.type()))) {
                p.add(path + ".type", "unsupported mount type '" + m.type() + "' (supported: " + MOUNT_TYPES + ")");
            }
            if (bind && (m.source() == null || !Files.exists(ctx.resolve(m.source())))) {
                p.add(path + ".source", "bind source " + (m.source() == null ? "(none)" : ctx.resolve(m.source())) + " does not exist");
            }
        }
    }

    static void pathLists(Spec s, CheckContext ctx, Problems p) {
        if (s.linux() == null) {
            return;
        }
        absolute("linux.maskedPaths", s.linux().maskedPaths(), p);
        absolute("linux.readonlyPaths", s.linux().readonlyPaths(), p);
    }

    private static void absolute(String name, List<String> paths, Problems p) {
        for (int i = 0; paths != null && i < paths.size(); i++) {
            if (!isCleanAbsolute(paths.get(i))) {
                p.add(name + "[" + i + "]", "must be an absolute path without '..'");
            }
        }
    }

    static boolean isBind(Spec.Mount m) {
        return "bind".equals(m.type()) || (m.options() != null && (m.options().contains("bind") || m.options().contains("rbind")));
    }

    static boolean isCleanAbsolute(String path) {
        return path != null && path.startsWith("/") && !List.of(path.split("/")).contains("..") && !path.contains("\0");
    }
}
