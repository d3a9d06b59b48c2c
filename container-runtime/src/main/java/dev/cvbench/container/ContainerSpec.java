package dev.cvbench.container;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the harness asks for, in docker's terms; {@link ContainerRuntime#create} turns it into an
 * OCI config and validates it exactly like a config.json. Example:
 *
 * <pre>{@code
 * ContainerSpec spec = ContainerSpec.of(imageDir, "/bin/sh", "-c", "echo hi")
 *         .toBuilder().hostname("web").memoryLimit(64L << 20).cpus(0.5).network("container:db").build();
 * }</pre>
 *
 * @param image   root filesystem directory; shared read-only by every container (overlay) unless overlay is false
 * @param network {@code none} (own namespace, only lo), {@code bridge} (own namespace wired by the
 *                NetworkAttacher), {@code host}, or {@code container:ID}
 * @param ipc     {@code private} (or {@code shareable}), {@code host}, or {@code container:ID}
 */
public record ContainerSpec(Path image, boolean overlay, List<String> args, Map<String, String> env, Optional<String> hostname,
                            Optional<Long> memoryBytes, Optional<Double> cpus, Optional<Long> pidsLimit, String network,
                            String ipc, List<Bind> binds, boolean readonlyRootfs, List<NamedVolume> volumes,
                            List<String> volumesFrom, Map<String, String> labels) {

    /** A host path mounted into the container. */
    public record Bind(Path hostPath, String containerPath, boolean readOnly) {}

    /** A named volume of the runtime's {@code VolumeStore} (created on first use) mounted at containerPath. */
    public record NamedVolume(String name, String containerPath, boolean readOnly) {}

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        args = List.copyOf(args);
        env = Map.copyOf(env);
        binds = List.copyOf(binds);
        volumes = List.copyOf(volumes);
        volumesFrom = List.copyOf(volumesFrom);
        labels = Map.copyOf(labels);
    }

    public static ContainerSpec of(Path image, String... args) {
        return builder(image).args(List.of(args)).build();
    }

    public static Builder builder(Path image) {
        return new Builder(image);
    }

    public Builder toBuilder() {
        Builder b = new Builder(image);
        b.overlay = overlay;
        b.args = new ArrayList<>(args);
        b.env = new LinkedHashMap<>(env);
        b.hostname = hostname;
        b.memoryBytes = memoryBytes;
        b.cpus = cpus;
        b.pidsLimit = pidsLimit;
        b.network = network;
        b.ipc = ipc;
        b.binds = new ArrayList<>(binds);
        b.readonlyRootfs = readonlyRootfs;
        b.volumes = new ArrayList<>(volumes);
        b.volumesFrom = new ArrayList<>(volumesFrom);
        b.labels = new LinkedHashMap<>(labels);
        return b;
    }

    /** Builder; ends in {@link #build()}. */
    public static final class Builder {
        private final Path image;
        private boolean overlay = true;
        private List<String> args = new ArrayList<>();
        private Map<String, String> env = new LinkedHashMap<>();
        private Optional<String> hostname = Optional.empty();
        private Optional<Long> memoryBytes = Optional.empty();
        private Optional<Double> cpus = Optional.empty();
        private Optional<Long> pidsLimit = Optional.empty();
        private String network = "none";
        private String ipc = "private";
        private List<Bind> binds = new ArrayList<>();
        private boolean readonlyRootfs;
        private List<NamedVolume> volumes = new ArrayList<>();
        private List<String> volumesFrom = new ArrayList<>();
        private Map<String, String> labels = new LinkedHashMap<>();

        private Builder(Path image) {
            this.image = image;
        }

        public Builder args(List<String> a) {
            this.args = new ArrayList<>(a);
            return this;
        }

        public Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Builder hostname(String h) {
            hostname = Optional.of(h);
            return this;
        }

        public Builder memoryLimit(long bytes) {
            memoryBytes = Optional.of(bytes);
            return this;
        }

        /** CPU time as a number of CPUs (0.5 = 50 ms of every 100 ms period). */
        public Builder cpus(double n) {
            cpus = Optional.of(n);
            return this;
        }

        public Builder pidsLimit(long n) {
            pidsLimit = Optional.of(n);
            return this;
        }

        public Builder network(String mode) {
            network = mode;
            return this;
        }

        public Builder ipc(String mode) {
            ipc = mode;
            return this;
        }

        public Builder bind(Path hostPath, String containerPath, boolean readOnly) {
            binds.add(new Bind(hostPath, containerPath, readOnly));
            return this;
        }

        /** A named volume ({@code -v NAME:DIR[:ro]}), created on first use, kept after the container. */
        public Builder volume(String name, String containerPath, boolean readOnly) {
            volumes.add(new NamedVolume(name, containerPath, readOnly));
            return this;
        }

        /** Every bind and volume of that container, at the same paths ({@code --volumes-from ID}). */
        public Builder volumesFrom(String containerId) {
            volumesFrom.add(containerId);
            return this;
        }

        /** Kept in the container's OCI annotations (readable with {@code ContainerRuntime.info}). */
        public Builder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        public Builder readonlyRootfs(boolean ro) {
            readonlyRootfs = ro;
            return this;
        }

        /** false: use the image directory itself as the rootfs (no overlay; writes go to the image). */
        public Builder overlay(boolean o) {
            overlay = o;
            return this;
        }

        public ContainerSpec build() {
            return new ContainerSpec(image, overlay, args, env, hostname, memoryBytes, cpus, pidsLimit, network, ipc, binds,
                    readonlyRootfs, volumes, volumesFrom, labels);
        }
    }
}
