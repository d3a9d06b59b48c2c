package dev.cvbench.container.cgroups;

import java.util.OptionalLong;

/**
 * Usage read back from a cgroup. v1: memory.usage_in_bytes / memory.max_usage_in_bytes; v2:
 * memory.current / memory.peak (absent before Linux 5.19, hence optional). Throttling comes from
 * cpu.stat (nr_throttled > 0 means the CPU quota bit), oomKills from memory.oom_control or
 * memory.events.
 */
public record CgroupStats(long memoryUsageBytes, OptionalLong memoryPeakBytes, long cpuPeriods, long cpuThrottledPeriods,
                          long cpuThrottledMicros, long pidsCurrent, long oomKills) {}
