package dev.cvbench.core.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What to launch, independent of the sandbox that launches it. Built with {@link #of(Command)}:
 *
 * <pre>{@code
 * InstanceSpec spec = InstanceSpec.of(Command.agent("memory-bandwidth", "--size-mb", "64"))
 *         .cpus(2).memoryBytes(512L << 20)
 *         .network(NetworkMode.bridge())
 *         .build();
 * }</pre>
 *
 * <p>A sandbox refuses (with {@link SandboxException.Unsupported}) what it cannot provide; a workload checks
 * {@link Sandbox#capabilities()} first so the refusal becomes a skip with a reason.
 */
public final class InstanceSpec {
    /** The image every sandbox knows: busybox, the jlinked JRE and the agent jars. */
    public static final String DEFAULT_IMAGE = "cvbench-default";

    private final String name;
    private final String image;
    private final Command command;
    private final Map<String, String> env;
    private final String hostname;
    private final Double cpus;
    private final Long memoryBytes;
    private final Long pidsLimit;
    private final NetworkMode network;
    private final IpcMode ipc;
    private final List<Volume> volumes;
    private final Duration timeout;
    private final Map<String, String> options;

    private InstanceSpec(Builder b) {
        this.name = b.name;
        this.image = b.image;
        this.command = b.command;
        this.env = Map.copyOf(b.env);
        this.hostname = b.hostname;
        this.cpus = b.cpus;
        this.memoryBytes = b.memoryBytes;
        this.pidsLimit = b.pidsLimit;
        this.network = b.network;
        this.ipc = b.ipc;
        this.volumes = List.copyOf(b.volumes);
        this.timeout = b.timeout;
        this.options = Map.copyOf(b.options);
    }

    public static Builder of(Command command) {
        return new Builder(command);
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public String image() {
        return image;
    }

    public Command command() {
        return command;
    }

    public Map<String, String> env() {
        return env;
    }

    public Optional<String> hostname() {
        return Optional.ofNullable(hostname);
    }

    public OptionalDouble cpus() {
        return cpus == null ? OptionalDouble.empty() : OptionalDouble.of(cpus);
    }

    public OptionalLong memoryBytes() {
        return memoryBytes == null ? OptionalLong.empty() : OptionalLong.of(memoryBytes);
    }

    public OptionalLong pidsLimit() {
        return pidsLimit == null ? OptionalLong.empty() : OptionalLong.of(pidsLimit);
    }

    public NetworkMode network() {
        return network;
    }

    public IpcMode ipc() {
        return ipc;
    }

    public List<Volume> volumes() {
        return volumes;
    }

    /** How long the instance may run before the sandbox kills it and reports a timeout. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * Sandbox-specific settings that are not part of the common vocabulary (for a VM: {@code kernel=generic}),
     * kept as strings so they can come from suite files. A sandbox ignores keys it does not know.
     */
    public Map<String, String> options() {
        return options;
    }

    public Builder toBuilder() {
        Builder b = new Builder(command);
        b.name = name;
        b.image = image;
        b.env.putAll(env);
        b.hostname = hostname;
        b.cpus = cpus;
        b.memoryBytes = memoryBytes;
        b.pidsLimit = pidsLimit;
        b.network = network;
        b.ipc = ipc;
        b.volumes.addAll(volumes);
        b.timeout = timeout;
        b.options.putAll(options);
        return b;
    }

    /** Builder; ends in {@link #build()}. */
    public static final class Builder {
        private String name;
        private String image = DEFAULT_IMAGE;
        private final Command command;
        private final Map<String, String> env = new LinkedHashMap<>();
        private String hostname;
        private Double cpus;
        private Long memoryBytes;
        private Long pidsLimit;
        private NetworkMode network = NetworkMode.none();
        private IpcMode ipc = IpcMode.isolated();
        private final List<Volume> volumes = new ArrayList<>();
        private Duration timeout = Duration.ofMinutes(5);
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(Command command) {
            this.command = Objects.requireNonNull(command, "command");
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder image(String image) {
            this.image = Objects.requireNonNull(image, "image");
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder hostname(String hostname) {
            this.hostname = hostname;
            return this;
        }

        public Builder cpus(double cpus) {
            if (!(cpus > 0)) {
                throw new IllegalArgumentException("cpus must be > 0, was " + cpus);
            }
            this.cpus = cpus;
            return this;
        }

        public Builder memoryBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("memory must be > 0 bytes, was " + bytes);
            }
            this.memoryBytes = bytes;
            return this;
        }

        public Builder pidsLimit(long limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("pids limit must be > 0, was " + limit);
            }
            this.pidsLimit = limit;
            return this;
        }

        public Builder network(NetworkMode network) {
            this.network = Objects.requireNonNull(network, "network");
            return this;
        }

        public Builder ipc(IpcMode ipc) {
            this.ipc = Objects.requireNonNull(ipc, "ipc");
            return this;
        }

        public Builder volume(Volume volume) {
            volumes.add(Objects.requireNonNull(volume, "volume"));
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder option(String key, String value) {
            options.put(key, value);
            return this;
        }

        public InstanceSpec build() {
            return new InstanceSpec(this);
        }
    }
}
