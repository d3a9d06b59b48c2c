package dev.cvbench.harness.sandbox.container;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.network.CniNetworkAttacher;
import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.doctor.CheckResult;
import dev.cvbench.harness.doctor.Doctor;
import dev.cvbench.harness.image.AgentLayout;
import dev.cvbench.harness.image.GuestImage;
import dev.cvbench.harness.image.ImageException;
import dev.cvbench.harness.sandbox.DefaultImage;
import dev.cvbench.harness.sandbox.LiveInstances;
import dev.cvbench.harness.sandbox.Phases;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The {@code container} sandbox: cvbench's own runtime through its library API (no {@code ./cvrun} exec).
 * Every instance gets an overlay on the default guest image's rootfs (built once per sandbox, progress
 * lines through the factory's callback), its own namespaces and cgroup, and is deleted on close. The
 * runtime is opened on first launch, under the factory's state dir, so {@code cvrun list} shows the
 * sandbox's containers while they run.
 */
public final class ContainerSandbox implements Sandbox {
    private static final String CVINIT = "/dev/cvbench/container/init/cvinit";

    private final Path stateDir;
    private final Path cacheDir;
    private final Consumer<String> progress;
    private final Optional<NetworkConfig> network;
    private final LiveInstances live = new LiveInstances();
    private final AtomicInteger counter = new AtomicInteger();
    private ContainerRuntime runtime;
    private GuestImage image;

    /**
     * @param network the bridge and subnet for {@code bridge} instances; empty = {@code cvbench0}, 10.213.0.0/24
     */
    public ContainerSandbox(Path stateDir, Path cacheDir, Consumer<String> progress, Optional<NetworkConfig> network) {
        this.stateDir = stateDir;
        this.cacheDir = cacheDir;
        this.progress = progress;
        this.network = network;
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.CONTAINER;
    }

    /** Root, namespaces, cgroups, the image's inputs (busybox-static, jlink) and a built cvinit. */
    @Override
    public Availability availability() {
        for (CheckResult r : Doctor.containerPrerequisites()) {
            if (!r.ok()) {
                return Availability.no(r.item() + ": " + r.detail(), r.fix());
            }
        }
        if (ContainerRuntime.class.getResource(CVINIT) == null) {
            return Availability.no("the init helper cvinit was not built (needs gcc and static glibc)",
                    "apt-get install gcc libc6-dev && mvn -o -pl container-runtime package");
        }
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.AGENT, Capability.NETWORK_BRIDGE, Capability.NETWORK_HOST, Capability.NETWORK_SHARE,
                Capability.IPC_SHARE, Capability.VOLUME_HOST_DIR, Capability.VOLUME_NAMED, Capability.VOLUMES_FROM,
                Capability.MEMORY_LIMIT, Capability.CPU_LIMIT, Capability.MEMORY_FOOTPRINT);
    }

    /** Only keys the reports treat as sandbox facts: anything else would become a tag and break ratios to host. */
    @Override
    public Map<String, String> facts() {
        return Map.of("runtime", "cvbench", "runtime_version", ContainerRuntime.VERSION + " (cgroup " + cgroupVersion() + ")");
    }

    private static String cgroupVersion() {
        try {
            return CgroupLayout.forHost().version();
        } catch (ContainerException e) {
            return "none";
        }
    }

    @Override
    public Instance launch(InstanceSpec spec) throws SandboxException {
        ContainerRuntime rt = runtime();
        String id = spec.name().orElse("cvb-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet());
        SpecMapper mapper = mapper(spec.image());
        var containerSpec = mapper.map(id, spec);
        Phases phases = new Phases();
        phases.mark(PhaseMark.LAUNCH_REQUESTED);
        Container c;
        try {
            c = rt.createWithMergedOutput(id, containerSpec);
        } catch (ContainerException e) {
            throw new SandboxException("container " + id + ": " + e.getMessage(), e);
        }
        try {
            return live.track(ContainerInstance.start(c, phases, spec.timeout(), sharedAddress(spec)));
        } catch (ContainerException | RuntimeException e) {
            try {
                c.delete();
            } catch (ContainerException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new SandboxException("container " + id + " did not start: " + e.getMessage(), e);
        }
    }

    private static Supplier<Optional<InetAddress>> sharedAddress(InstanceSpec spec) {
        return spec.network() instanceof NetworkMode.SharedWith s ? s.other()::address : Optional::empty;
    }

    private synchronized ContainerRuntime runtime() throws SandboxException {
        if (runtime == null) {
            try {
                ContainerRuntime rt = ContainerRuntime.at(stateDir);
                runtime = network.isPresent() ? rt.withNetwork(CniNetworkAttacher.of(network.get())) : rt;
            } catch (ContainerException e) {
                throw new SandboxException.Unavailable("container runtime: " + e.getMessage(), e);
            }
        }
        return runtime;
    }

    /** The default image (built once), or a rootfs directory or OCI bundle given as the spec's image. */
    private SpecMapper mapper(String imageName) throws SandboxException {
        if (imageName.equals(InstanceSpec.DEFAULT_IMAGE)) {
            GuestImage img = defaultImage();
            return new SpecMapper(img.rootfs(), img.layout());
        }
        Path dir = Path.of(imageName);
        if (Files.isRegularFile(dir.resolve("config.json")) && Files.isDirectory(dir.resolve("rootfs"))) {
            return new SpecMapper(dir.resolve("rootfs"), AgentLayout.wildcard());
        }
        if (Files.isDirectory(dir)) {
            return new SpecMapper(dir, AgentLayout.wildcard());
        }
        throw new SandboxException("unknown image '" + imageName + "': use " + InstanceSpec.DEFAULT_IMAGE
                + ", a rootfs directory or an OCI bundle");
    }

    private synchronized GuestImage defaultImage() throws SandboxException {
        if (image == null) {
            try {
                image = DefaultImage.get(cacheDir, progress);
            } catch (ImageException e) {
                throw new SandboxException.Unavailable("cannot build the default image: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException.Unavailable("interrupted while building the default image", e);
            }
        }
        return image;
    }

    @Override
    public void close() {
        live.closeAll();
    }
}
