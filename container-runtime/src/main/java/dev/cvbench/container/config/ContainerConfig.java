package dev.cvbench.container.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's own, validated container configuration: what {@link SpecConverter} makes of an
 * OCI config.json (or what {@code ContainerSpec} builds). Paths are absolute, mount options are
 * already kernel flags, capabilities are bit masks: the init encoder only has to write them out.
 *
 * @param rootfs        absolute root filesystem directory
 * @param cgroupsPath   cgroup path relative to each hierarchy's root, e.g. {@code /cvbench/web}
 */
public record ContainerConfig(Path rootfs, boolean readonlyRootfs, Optional<String> hostname, ProcessConfig process,
                              List<MountConfig> mounts, List<NamespaceConfig> namespaces, ResourceLimits resources,
                              Optional<String> cgroupsPath, List<String> maskedPaths, List<String> readonlyPaths,
                              Map<String, String> annotations) {

    /** Annotation that asks for the {@code NetworkAttacher}: value {@code bridge}. */
    public static final String NETWORK_ANNOTATION = "dev.cvbench.network";

    public ContainerConfig {
        mounts = List.copyOf(mounts);
        namespaces = List.copyOf(namespaces);
        maskedPaths = List.copyOf(maskedPaths);
        readonlyPaths = List.copyOf(readonlyPaths);
        annotations = Map.copyOf(annotations);
    }

    public ContainerConfig withRootfs(Path newRootfs) {
        return new ContainerConfig(newRootfs, readonlyRootfs, hostname, process, mounts, namespaces, resources, cgroupsPath,
                maskedPaths, readonlyPaths, annotations);
    }

    public Optional<NamespaceConfig> namespace(NamespaceType type) {
        return namespaces.stream().filter(n -> n.type() == type).findFirst();
    }

    /** True when the container gets a namespace of this type of its own (not joined, not the host's). */
    public boolean createsNamespace(NamespaceType type) {
        return namespace(type).map(n -> n.path().isEmpty()).orElse(false);
    }

    public boolean wantsBridgeNetwork() {
        return "bridge".equals(annotations.get(NETWORK_ANNOTATION)) && createsNamespace(NamespaceType.NETWORK);
    }

    /** The container's process. Capabilities are bit masks (bit n = capability number n). */
    public record ProcessConfig(List<String> args, List<String> env, String cwd, long uid, long gid, List<Long> additionalGids,
                                List<RlimitConfig> rlimits, CapabilitySets capabilities, boolean noNewPrivileges) {
        public ProcessConfig {
            args = List.copyOf(args);
            env = List.copyOf(env);
            additionalGids = List.copyOf(additionalGids);
            rlimits = List.copyOf(rlimits);
        }

        public ProcessConfig withArgs(List<String> newArgs) {
            return new ProcessConfig(newArgs, env, cwd, uid, gid, additionalGids, rlimits, capabilities, noNewPrivileges);
        }
    }

    /** {@code resource} is the kernel's RLIMIT_* number; values are unsigned 64-bit. */
    public record RlimitConfig(int resource, long soft, long hard) {}

    public record CapabilitySets(long bounding, long effective, long permitted, long inheritable, long ambient) {
        public static final CapabilitySets NONE = new CapabilitySets(0, 0, 0, 0, 0);
    }

    /** One mount with its options already split into kernel flags, propagation flags and data. */
    public record MountConfig(String source, String destination, String type, long flags, long propagation, String data) {}

    public record NamespaceConfig(NamespaceType type, Optional<Path> path) {}

    /** Limits; an empty value means "no limit". cpus/mems use the cpuset list syntax ("0-1,3"). */
    public record ResourceLimits(Optional<Long> memoryBytes, Optional<Long> memorySwapBytes, Optional<Long> cpuQuotaMicros,
                                 Optional<Long> cpuPeriodMicros, Optional<Long> cpuShares, Optional<String> cpus,
                                 Optional<String> mems, Optional<Long> pidsLimit) {
        public static final ResourceLimits NONE = new ResourceLimits(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
