package dev.cvbench.core.result;

import java.util.Map;

/**
 * The host a run happened on: every result is meaningless without it.
 *
 * @param cgroup {@code "v1"}, {@code "v2"} or {@code "hybrid"} (v1 controllers plus a unified mount)
 * @param tools versions of the tools the run used (qemu, libvirt, runc, gcc, ...), "absent" when missing
 */
public record Environment(
        String hostname,
        String cpuModel,
        int cores,
        long memoryBytes,
        String kernel,
        String os,
        String cgroup,
        boolean kvmAvailable,
        String jvm,
        Map<String, String> tools) {
    public Environment {
        tools = tools == null ? Map.of() : Map.copyOf(tools);
    }
}
