package dev.cvbench.container.cgroups;

import dev.cvbench.container.CgroupException;
import dev.cvbench.container.config.ContainerConfig.ResourceLimits;
import java.util.List;

/**
 * One container's cgroup, whatever the host's cgroup layout ({@link CgroupLayout#manager} picks
 * {@link CgroupV1Manager} or {@link CgroupV2Manager}). Lifecycle: {@link #create} with limits,
 * {@link #addProcess} for the container's init before it runs user code, {@link #stats} while it
 * runs, {@link #destroy} on delete (kills what is left, removes the directories).
 */
public interface CgroupManager {
    /** The cgroup path relative to the hierarchy root, e.g. {@code /cvbench/web}. */
    String path();

    /** Creates the cgroup (parents too) and writes the limits. */
    void create(ResourceLimits limits) throws CgroupException;

    void addProcess(long pid) throws CgroupException;

    /** Processes in the cgroup (host pids). Empty when the cgroup does not exist. */
    List<Long> pids() throws CgroupException;

    CgroupStats stats() throws CgroupException;

    /** Kills every process left in the cgroup, waits for them to go, removes it. Idempotent. */
    void destroy() throws CgroupException;

    boolean exists();
}
