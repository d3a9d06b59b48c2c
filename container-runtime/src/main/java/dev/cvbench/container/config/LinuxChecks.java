package dev.cvbench.container.config;

import dev.cvbench.container.spec.Spec;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Rules for {@code linux.namespaces}, {@code linux.resources} and {@code linux.cgroupsPath}. */
final class LinuxChecks {
    /** The kernel refuses memory limits this small for any real process; cvrun says so up front. */
    static final long MIN_MEMORY_BYTES = 4L << 20;

    private LinuxChecks() {}

    static void namespaces(Spec s, CheckContext ctx, Problems p) {
        List<Spec.Namespace> ns = s.linux() == null || s.linux().namespaces() == null ? List.of() : s.linux().namespaces();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ns.size(); i++) {
            Spec.Namespace n = ns.get(i);
            String path = "linux.namespaces[" + i + "]";
            if ("user".equals(n.type())) {
                p.add(path + ".type", "user namespaces are not supported by cvrun");
            } else if (n.type() == null || NamespaceType.fromOci(n.type()).isEmpty()) {
                p.add(path + ".type", "unknown namespace type '" + n.type() + "' (pid, network, ipc, uts, mount, cgroup)");
            } else if (!seen.add(n.type())) {
                p.add(path + ".type", "namespace '" + n.type() + "' is listed twice");
            }
            if (n.path() != null && !n.path().isEmpty() && !Files.exists(ctx.resolve(n.path()))) {
                p.add(path + ".path", "namespace file " + n.path() + " does not exist");
            }
        }
    }

    static void resources(Spec s, CheckContext ctx, Problems p) {
        Spec.Resources r = s.linux() == null ? null : s.linux().resources();
        if (r == null) {
            return;
        }
        if (r.memory() != null && r.memory().limit() != null && r.memory().limit() != -1
                && r.memory().limit() < MIN_MEMORY_BYTES) {
            p.add("linux.resources.memory.limit", "must be at least 4 MiB (" + MIN_MEMORY_BYTES + ") or -1 for none");
        }
        if (r.memory() != null && r.memory().swap() != null && r.memory().limit() != null && r.memory().swap() != -1
                && r.memory().swap() < r.memory().limit()) {
            p.add("linux.resources.memory.swap", "is memory+swap and must be at least the memory limit");
        }
        if (r.cpu() != null) {
            cpu(r.cpu(), ctx, p);
        }
        if (r.pids() != null && r.pids().limit() != null && r.pids().limit() == 0) {
            p.add("linux.resources.pids.limit", "must be positive, or -1 for none");
        }
    }

    private static void cpu(Spec.Cpu c, CheckContext ctx, Problems p) {
        if (c.period() != null && (c.period() < 1000 || c.period() > 1_000_000)) {
            p.add("linux.resources.cpu.period", "must be between 1000 and 1000000 microseconds");
        }
        if (c.quota() != null && c.quota() != -1 && c.quota() < 1000) {
            p.add("linux.resources.cpu.quota", "must be at least 1000 microseconds, or -1 for none");
        }
        if (c.shares() != null && (c.shares() < 2 || c.shares() > 262144)) {
            p.add("linux.resources.cpu.shares", "must be between 2 and 262144");
        }
        if (c.cpus() != null && !c.cpus().isEmpty()) {
            try {
                for (int cpu : CpuList.parse(c.cpus())) {
                    if (cpu >= ctx.onlineCpus()) {
                        p.add("linux.resources.cpu.cpus", "CPU " + cpu + " does not exist (this host has " + ctx.onlineCpus() + ")");
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                p.add("linux.resources.cpu.cpus", "'" + c.cpus() + "' is not a cpu list like 0-1,3: " + e.getMessage());
            }
        }
    }

    static void cgroupsPath(Spec s, CheckContext ctx, Problems p) {
        String cg = s.linux() == null ? null : s.linux().cgroupsPath();
        if (cg != null && !cg.isEmpty() && (List.of(cg.split("/")).contains("..") || cg.contains(":"))) {
            p.add("linux.cgroupsPath", "must be a path like /cvbench/web without '..' (systemd slices are not supported)");
        }
    }
}
