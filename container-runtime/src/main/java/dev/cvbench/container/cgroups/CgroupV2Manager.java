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
import java.util.Set;

/**
 * cgroup v2: one directory in the unified hierarchy. Controllers are enabled down the path in
 * each parent's {@code cgroup.subtree_control} (only those the parent offers). cpu.shares
 * becomes cpu.weight with runc's formula {@code 1 + (shares - 2) * 9999 / 262142}.
 */
public final class CgroupV2Manager implements CgroupManager {
    static final Set<String> WANTED = Set.of("memory", "cpu", "cpuset", "pids");

    private final Path root;
    private final String path;
    private final Syscalls sys;

    public CgroupV2Manager(Path root, String path, Syscalls sys) {
        this.root = root;
        this.path = path;
        this.sys = sys;
    }

    @Override
    public String path() {
        return path;
    }

    Path dir() {
        return root.resolve(path.replaceFirst("^/+", ""));
    }

    @Override
    public void create(ResourceLimits limits) throws CgroupException {
        List<Path> chain = new ArrayList<>();
        for (Path p = dir(); !p.equals(root); p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path level : chain) {
            enableControllers(level.getParent());
            CgroupFiles.mkdirs(level);
        }
        applyLimits(limits);
    }

    private void enableControllers(Path parent) throws CgroupException {
        Path available = parent.resolve("cgroup.controllers");
        if (!Files.exists(available)) {
            return;
        }
        StringBuilder enable = new StringBuilder();
        for (String c : CgroupFiles.read(available).split("\\s+")) {
            if (WANTED.contains(c)) {
                enable.append(enable.length() == 0 ? "" : " ").append('+').append(c);
            }
        }
        if (enable.length() > 0) {
            CgroupFiles.write(parent.resolve("cgroup.subtree_control"), enable.toString());
        }
    }

    static long sharesToWeight(long shares) {
        return 1 + ((shares - 2) * 9999) / 262142;
    }

    private void applyLimits(ResourceLimits l) throws CgroupException {
        Path d = dir();
        if (l.memoryBytes().isPresent()) {
            CgroupFiles.write(d.resolve("memory.max"), Long.toString(l.memoryBytes().get()));
            if (Files.exists(d.resolve("memory.swap.max"))) {
                long swap = l.memorySwapBytes().map(s -> s - l.memoryBytes().get()).orElse(0L);
                CgroupFiles.write(d.resolve("memory.swap.max"), Long.toString(swap));
            }
        }
        if (l.cpuQuotaMicros().isPresent() || l.cpuPeriodMicros().isPresent()) {
            String quota = l.cpuQuotaMicros().map(String::valueOf).orElse("max");
            CgroupFiles.write(d.resolve("cpu.max"), quota + " " + l.cpuPeriodMicros().orElse(100_000L));
        }
        if (l.cpuShares().isPresent()) {
            CgroupFiles.write(d.resolve("cpu.weight"), Long.toString(sharesToWeight(l.cpuShares().get())));
        }
        if (l.cpus().isPresent()) {
            CgroupFiles.write(d.resolve("cpuset.cpus"), l.cpus().get());
        }
        if (l.mems().isPresent()) {
            CgroupFiles.write(d.resolve("cpuset.mems"), l.mems().get());
        }
        if (l.pidsLimit().isPresent()) {
            CgroupFiles.write(d.resolve("pids.max"), Long.toString(l.pidsLimit().get()));
        }
    }

    @Override
    public void addProcess(long pid) throws CgroupException {
        CgroupFiles.write(dir().resolve("cgroup.procs"), Long.toString(pid));
    }

    @Override
    public List<Long> pids() throws CgroupException {
        return CgroupFiles.procs(dir());
    }

    @Override
    public CgroupStats stats() throws CgroupException {
        Path d = dir();
        long peak = CgroupFiles.readLong(d.resolve("memory.peak"), -1);
        Map<String, Long> cpu = CgroupFiles.readKeyed(d.resolve("cpu.stat"));
        Map<String, Long> events = CgroupFiles.readKeyed(d.resolve("memory.events"));
        return new CgroupStats(CgroupFiles.readLong(d.resolve("memory.current"), 0),
                peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak), cpu.getOrDefault("nr_periods", 0L),
                cpu.getOrDefault("nr_throttled", 0L), cpu.getOrDefault("throttled_usec", 0L),
                CgroupFiles.readLong(d.resolve("pids.current"), 0), events.getOrDefault("oom_kill", 0L));
    }

    @Override
    public void destroy() throws CgroupException {
        Path d = dir();
        if (!Files.isDirectory(d)) {
            return;
        }
        Path kill = d.resolve("cgroup.kill");
        if (Files.exists(kill) && !CgroupFiles.procs(d).isEmpty()) {
            CgroupFiles.write(kill, "1");
        }
        CgroupFiles.killAndRemove(d, sys);
    }

    @Override
    public boolean exists() {
        return Files.isDirectory(dir());
    }
}
