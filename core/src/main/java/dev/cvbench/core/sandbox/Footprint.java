package dev.cvbench.core.sandbox;

/**
 * Host memory an instance costs, as the host sees it.
 *
 * @param pssBytes proportional set size of the processes that make up the instance (shared pages divided
 *     among their users), or -1 when unknown
 * @param rssBytes resident set size, or -1 when unknown
 * @param cgroupUsageBytes memory charged to the instance's cgroup (containers), or -1
 * @param cgroupPeakBytes peak memory charged to the cgroup, or -1
 * @param source how it was measured, for the result file ({@code "proc-smaps_rollup"}, {@code "cgroup-v1"}, ...)
 */
public record Footprint(long pssBytes, long rssBytes, long cgroupUsageBytes, long cgroupPeakBytes, String source) {
    public static Footprint unknown() {
        return new Footprint(-1, -1, -1, -1, "unknown");
    }
}
