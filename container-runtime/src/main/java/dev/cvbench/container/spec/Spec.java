package dev.cvbench.container.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The parts of an OCI runtime-spec 1.x {@code config.json} this runtime supports, as plain
 * records (camelCase field names as in the spec). Unknown fields (seccomp, devices, hooks...) are
 * ignored, as runc ignores what it does not use. Nothing here is validated: {@code
 * dev.cvbench.container.config.SpecConverter} turns a Spec into the runtime's validated config.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Spec(String ociVersion, Process process, Root root, String hostname, List<Mount> mounts,
                   Linux linux, Map<String, String> annotations) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Process(Boolean terminal, User user, List<String> args, List<String> env, String cwd,
                          Capabilities capabilities, List<Rlimit> rlimits, Boolean noNewPrivileges) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record User(Long uid, Long gid, List<Long> additionalGids) {}

    /** Capability names like {@code CAP_KILL}, per set. A missing set is empty. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capabilities(List<String> bounding, List<String> effective, List<String> inheritable,
                               List<String> permitted, List<String> ambient) {}

    /** soft/hard are uint64 in the spec (2^64-1 is RLIM_INFINITY), hence BigInteger. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rlimit(String type, BigInteger hard, BigInteger soft) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Root(String path, Boolean readonly) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mount(String destination, String type, String source, List<String> options) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Linux(List<Namespace> namespaces, Resources resources, String cgroupsPath,
                        List<String> maskedPaths, List<String> readonlyPaths) {}

    /** type: pid, network, mount, ipc, uts, cgroup (user is refused). path: join that namespace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Namespace(String type, String path) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resources(Memory memory, Cpu cpu, Pids pids) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(Long limit, Long swap) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(Long shares, Long quota, Long period, String cpus, String mems) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pids(Long limit) {}
}
