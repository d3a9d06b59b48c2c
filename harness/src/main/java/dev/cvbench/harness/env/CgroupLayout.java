package dev.cvbench.harness.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How cgroups are mounted: {@code v2} (unified only), {@code v1} (controllers on their own hierarchies),
 * or {@code hybrid} (v1 controllers plus a unified mount, usually without controllers, as on this project's
 * CI machines).
 *
 * @param v1Controllers controllers mounted on v1 hierarchies
 * @param unifiedMount where cgroup2 is mounted, or null
 * @param v2Controllers controllers enabled in the unified hierarchy's root
 */
public record CgroupLayout(String version, Set<String> v1Controllers, String unifiedMount, Set<String> v2Controllers) {
    public static CgroupLayout detect() {
        try {
            return parse(Files.readAllLines(Path.of("/proc/self/mounts")), CgroupLayout::readControllers);
        } catch (IOException e) {
            return new CgroupLayout("unknown", Set.of(), null, Set.of());
        }
    }

    static CgroupLayout parse(List<String> mounts, java.util.function.Function<String, Set<String>> controllersOf) {
        Set<String> v1 = new TreeSet<>();
        String unified = null;
        for (String line : mounts) {
            String[] f = line.split(" ");
            if (f.length < 4) {
                continue;
            }
            if (f[2].equals("cgroup2")) {
                unified = f[1];
            } else if (f[2].equals("cgroup")) {
                for (String opt : f[3].split(",")) {
                    if (Set.of("memory", "cpu", "cpuacct", "cpuset", "pids", "blkio", "devices", "freezer", "hugetlb",
                            "net_cls", "net_prio", "perf_event", "rdma", "misc").contains(opt)) {
                        v1.add(opt);
                    }
                }
            }
        }
        Set<String> v2 = unified == null ? Set.of() : new TreeSet<>(controllersOf.apply(unified));
        String version;
        if (v1.isEmpty() && unified != null) {
            version = "v2";
        } else if (!v1.isEmpty() && unified != null) {
            version = "hybrid";
        } else if (!v1.isEmpty()) {
            version = "v1";
        } else {
            version = "none";
        }
        return new CgroupLayout(version, v1, unified, v2);
    }

    private static Set<String> readControllers(String mount) {
        try {
            String s = Files.readString(Path.of(mount, "cgroup.controllers")).trim();
            return s.isEmpty() ? Set.of() : new TreeSet<>(List.of(s.split("\\s+")));
        } catch (IOException e) {
            return Set.of();
        }
    }

    /** One line for tables: {@code hybrid (v1: cpu, memory, pids; unified at /sys/fs/cgroup/unified, no controllers)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(version);
        if (!v1Controllers.isEmpty()) {
            sb.append(" (v1: ").append(String.join(", ", v1Controllers));
        }
        if (unifiedMount != null) {
            sb.append(v1Controllers.isEmpty() ? " (" : "; ").append("unified at ").append(unifiedMount)
                    .append(v2Controllers.isEmpty() ? ", no controllers" : ": " + String.join(", ", v2Controllers));
        }
        if (!v1Controllers.isEmpty() || unifiedMount != null) {
            sb.append(')');
        }
        return sb.toString();
    }
}
