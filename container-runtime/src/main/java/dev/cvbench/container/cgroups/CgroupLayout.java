package dev.cvbench.container.cgroups;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How cgroups are mounted on this host, read from /proc/self/mountinfo: {@link V2} when the
 * unified hierarchy holds the controllers (pure v2), otherwise {@link V1} with one mount per
 * controller. A hybrid host (v1 controllers plus an empty cgroup2 at /sys/fs/cgroup/unified, as
 * on this project's machine) is v1: the controllers are where the limits are.
 */
public sealed interface CgroupLayout {
    record V1(Map<String, Path> hierarchies) implements CgroupLayout {
        @Override
        public CgroupManager manager(String path, Syscalls sys) {
            return new CgroupV1Manager(hierarchies, path, sys);
        }
    }

    record V2(Path root) implements CgroupLayout {
        @Override
        public CgroupManager manager(String path, Syscalls sys) {
            return new CgroupV2Manager(root, path, sys);
        }
    }

    CgroupManager manager(String path, Syscalls sys);

    static CgroupLayout forHost() throws ContainerException {
        try {
            return parse(Files.readString(Path.of("/proc/self/mountinfo")));
        } catch (IOException e) {
            throw new ContainerException("cannot read /proc/self/mountinfo: " + e.getMessage(), e);
        }
    }

    /** Parses mountinfo text; a cgroup2 mount wins only if no v1 controller hierarchy exists. */
    static CgroupLayout parse(String mountinfo) throws ContainerException {
        Map<String, Path> v1 = new LinkedHashMap<>();
        Path v2 = null;
        for (String line : mountinfo.split("\n")) {
            int sep = line.indexOf(" - ");
            if (sep < 0) {
                continue;
            }
            String[] left = line.substring(0, sep).split(" ");
            String[] right = line.substring(sep + 3).split(" ");
            if (left.length < 5 || right.length < 3) {
                continue;
            }
            Path mountPoint = Path.of(left[4].replace("\\040", " "));
            if (right[0].equals("cgroup2") && v2 == null) {
                v2 = mountPoint;
            } else if (right[0].equals("cgroup")) {
                for (String opt : right[2].split(",")) {
                    if (List.of("memory", "cpu", "cpuacct", "cpuset", "pids", "freezer", "devices", "blkio").contains(opt)) {
                        v1.putIfAbsent(opt, mountPoint);
                    }
                }
            }
        }
        if (!v1.isEmpty()) {
            return new V1(v1);
        }
        if (v2 != null) {
            return new V2(v2);
        }
        throw new ContainerException("no cgroup filesystem is mounted: mount cgroup2 on /sys/fs/cgroup");
    }

    default String version() {
        return this instanceof V1 ? "v1" : "v2";
    }
}
