package dev.cvbench.container.cgroups;

import dev.cvbench.container.CgroupException;
import dev.cvbench.container.config.ContainerConfig.ResourceLimits;
import dev.cvbench.container.sys.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * cgroup v1: one directory per controller hierarchy ({@code /sys/fs/cgroup/memory/cvbench/web},
 * {@code .../cpu/cvbench/web}, ...). Memory+swap is limited to the memory limit unless a swap
 * limit is given, so a container cannot dodge its limit by swapping (the OOM killer acts instead).
 * A new cpuset directory starts with empty cpus/mems; they are copied from the parent, like runc.
 */
public final class CgroupV1Manager implements CgroupManager {
    static final List<String> CONTROLLERS = List.of("memory", "cpu", "cpuacct", "cpuset", "pids");

    private final Map<String, Path> hierarchies;
    private final String path;
    private final Syscalls sys;

    /** @param hierarchies controller name to the mount point of its hierarchy */
    public CgroupV1Manager(Map<String, Path> hierarchies, String path, Syscalls sys) {
        this.hierarchies = Map.copyOf(hierarchies);
        this.path = path;
        this.sys = sys;
    }

    @Override
    public String path() {
        return path;
    }

    Path dir(String controller) {
        Path root = hierarchies.get(controller);
        return root == null ? null : root.resolve(path.replaceFirst("^/+", ""));
    }

    @Override
    public void create(ResourceLimits limits) throws CgroupException {
        for (String c : CONTROLLERS) {
            Path dir = dir(c);
            if (dir == null) {
                continue;
            }
            if (c.equals("cpuset")) {
                createCpuset(hierarchies.get(c), dir);
            } else {
                CgroupFiles.mkdirs(dir);
            }
        }
        applyLimits(limits);
    }

    private void createCpuset(Path root, Path leaf) throws CgroupException {
        List<Path> chain = new ArrayList<>();
        for (Path p = leaf; !p.equals(root); p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path level : chain) {
            CgroupFiles.mkdirs(level);
            for (String f : List.of("cpuset.cpus", "cpuset.mems")) {
                Path file = level.resolve(f);
                if (!Files.exists(file) || CgroupFiles.read(file).isEmpty()) {
                    CgroupFiles.write(file, CgroupFiles.read(level.getParent().resolve(f)));
                }
            }
        }
    }

    private void applyLimits(ResourceLimits l) throws CgroupException {
        Path mem = dir("memory");
        if (mem != null && l.memoryBytes().isPresent()) {
            CgroupFiles.write(mem.resolve("memory.limit_in_bytes"), Long.toString(l.memoryBytes().get()));
            Path memsw = mem.resolve("memory.memsw.limit_in_bytes");
            if (Files.exists(memsw)) {
                CgroupFiles.write(memsw, Long.toString(l.memorySwapBytes().orElse(l.memoryBytes().get())));
            }
        }
        Path cpu = dir("cpu");
        if (cpu != null) {
            if (l.cpuPeriodMicros().isPresent()) {
                CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), Long.toString(l.cpuPeriodMicros().get()));
            }
            if (l.cpuQuotaMicros().isPresent()) {
                CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(l.cpuQuotaMicros().get()));
            }
            if (l.cpuShares().isPresent()) {
                CgroupFiles.write(cpu.resolve("cpu.shares"), Long.toString(l.cpuShares().get()));
            }
        }
        Path cpuset = dir("cpuset");
        if (cpuset != null) {
            if (l.cpus().isPresent()) {
                CgroupFiles.write(cpuset.resolve("cpuset.cpus"), l.cpus().get());
            }
            if (l.mems().isPresent()) {
                CgroupFiles.write(cpuset.resolve("cpuset.mems"), l.mems().get());
            }
        }
        Path pids = dir("pids");
        if (pids != null && l.pidsLimit().isPresent()) {
            CgroupFiles.write(pids.resolve("pids.max"), Long.toString(l.pidsLimit().get()));
        }
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        for (String c : CONTROLLERS) {
            Path dir = dir(c);
            if (dir != null) {
                CgroupFiles.write(dir.resolve("cgroup.procs"), Long.toString(pid));
            }
        }
    }

    @Override
    public List<Long> pids() throws CgroupException {
        for (String c : List.of("pids", "memory", "cpu")) {
            Path dir = dir(c);
            if (dir != null && Files.isDirectory(dir)) {
                return CgroupFiles.procs(dir);
            }
        }
        return List.of();
    }

    @Override
    public CgroupStats stats() throws CgroupException {
        Path mem = dir("memory");
        Path cpu = dir("cpu");
        Path pids = dir("pids");
        long usage = mem == null ? 0 : CgroupFiles.readLong(mem.resolve("memory.usage_in_bytes"), 0);
        long peak = mem == null ? -1 : CgroupFiles.readLong(mem.resolve("memory.max_usage_in_bytes"), -1);
        Map<String, Long> cpuStat = cpu == null ? Map.of() : CgroupFiles.readKeyed(cpu.resolve("cpu.stat"));
        Map<String, Long> oom = mem == null ? Map.of() : CgroupFiles.readKeyed(mem.resolve("memory.oom_control"));
        return new CgroupStats(usage, peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak),
                cpuStat.getOrDefault("nr_periods", 0L), cpuStat.getOrDefault("nr_throttled", 0L),
                cpuStat.getOrDefault("throttled_time", 0L) / 1000,
                pids == null ? 0 : CgroupFiles.readLong(pids.resolve("pids.current"), 0), oom.getOrDefault("oom_kill", 0L));
    }

    @Override
    public void destroy() throws CgroupException {
        for (String c : CONTROLLERS) {
            Path dir = dir(c);
            if (dir != null) {
                CgroupFiles.killAndRemove(dir, sys);
            }
        }
    }

    @Override
    public boolean exists() {
        return CONTROLLERS.stream().map(this::dir).anyMatch(d -> d != null && Files.isDirectory(d));
    }
}
