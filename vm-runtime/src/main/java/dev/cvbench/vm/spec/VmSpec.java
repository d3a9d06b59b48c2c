package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything needed to boot one VM: the hardware (vcpus, memory, NIC), the boot files (kernel and
 * initramfs, booted directly without a disk or boot loader), and the guest command that /init runs.
 * Built with {@link #builder()} and validated by {@link Builder#build()}; a built spec is always bootable as far
 * as can be checked without booting (files readable, command line short enough).
 *
 * <pre>{@code
 * VmSpec spec = VmSpec.builder()
 *         .name("hello")
 *         .memory("256M")
 *         .kernel(image.kernel()).initramfs(image.initramfs())
 *         .argv(List.of("echo", "hello"))
 *         .build();
 * }</pre>
 */
public final class VmSpec {
    /** Every domain cvbench creates starts with this, so leftovers can be found and removed. */
    public static final String DOMAIN_PREFIX = "cvbench-";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private final String name;
    private final int vcpus;
    private final MemorySize memory;
    private final Path kernel;
    private final Path initramfs;
    private final List<String> cmdlineExtras;
    private final List<String> argv;
    private final Map<String, String> env;
    private final Optional<String> hostname;
    private final VmNetwork network;
    private final boolean quietKernel;
    private final Optional<Path> consoleLog;
    private final DomainType domainType;
    private final String machine;
    private final Duration initTimeout;

    private VmSpec(Builder b) {
        this.name = b.name;
        this.vcpus = b.vcpus;
        this.memory = b.memory;
        this.kernel = b.kernel;
        this.initramfs = b.initramfs;
        this.cmdlineExtras = List.copyOf(b.cmdlineExtras);
        this.argv = List.copyOf(b.argv);
        this.env = Map.copyOf(b.env);
        this.hostname = Optional.ofNullable(b.hostname);
        this.network = b.network;
        this.quietKernel = b.quietKernel;
        this.consoleLog = Optional.ofNullable(b.consoleLog);
        this.domainType = b.domainType;
        this.machine = b.machine;
        this.initTimeout = b.initTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this spec's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.vcpus = vcpus;
        b.memory = memory;
        b.kernel = kernel;
        b.initramfs = initramfs;
        b.cmdlineExtras.addAll(cmdlineExtras);
        b.argv.addAll(argv);
        b.env.putAll(env);
        b.hostname = hostname.orElse(null);
        b.network = network;
        b.quietKernel = quietKernel;
        b.consoleLog = consoleLog.orElse(null);
        b.domainType = domainType;
        b.machine = machine;
        b.initTimeout = initTimeout;
        return b;
    }

    /** The short name, without {@link #DOMAIN_PREFIX}. */
    public String name() {
        return name;
    }

    /** The libvirt domain name: {@code cvbench-<name>}. */
    public String domainName() {
        return DOMAIN_PREFIX + name;
    }

    public int vcpus() {
        return vcpus;
    }

    public MemorySize memory() {
        return memory;
    }

    public Path kernel() {
        return kernel;
    }

    public Path initramfs() {
        return initramfs;
    }

    /** Extra kernel parameters appended verbatim (e.g. {@code mitigations=off}). */
    public List<String> cmdlineExtras() {
        return cmdlineExtras;
    }

    /** The command /init runs; empty means an interactive-less {@code sh -c true}. */
    public List<String> argv() {
        return argv;
    }

    public Map<String, String> env() {
        return env;
    }

    public Optional<String> hostname() {
        return hostname;
    }

    public VmNetwork network() {
        return network;
    }

    /** True (default) passes {@code quiet}: the kernel prints almost nothing, which saves seconds on TCG. */
    public boolean quietKernel() {
        return quietKernel;
    }

    /** A file the host also writes the console to (with host timestamps), for post-mortems. */
    public Optional<Path> consoleLog() {
        return consoleLog;
    }

    /** As asked; {@code VmRuntime} resolves {@link DomainType#AUTO}. */
    public DomainType domainType() {
        return domainType;
    }

    /** QEMU machine type, {@code pc} by default (i440fx: fewer devices to probe than q35). */
    public String machine() {
        return machine;
    }

    /** How long the guest may take to print {@code cvbench-init: started}. */
    public Duration initTimeout() {
        return initTimeout;
    }

    /** Builds a {@link VmSpec}; setters return {@code this}, {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private int vcpus = 1;
        private MemorySize memory = MemorySize.ofMiB(256);
        private Path kernel;
        private Path initramfs;
        private final List<String> cmdlineExtras = new ArrayList<>();
        private final List<String> argv = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private String hostname;
        private VmNetwork network = VmNetwork.none();
        private boolean quietKernel = true;
        private Path consoleLog;
        private DomainType domainType = DomainType.AUTO;
        private String machine = "pc";
        private Duration initTimeout = Duration.ofSeconds(90);
        private String memoryText;

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder vcpus(int value) {
            this.vcpus = value;
            return this;
        }

        public Builder memory(MemorySize value) {
            this.memory = Objects.requireNonNull(value, "memory");
            this.memoryText = null;
            return this;
        }

        /** A size such as {@code 512M} or {@code 2G}; parsed (and rejected if malformed) by {@link #build()}. */
        public Builder memory(String value) {
            this.memoryText = value;
            return this;
        }

        public Builder kernel(Path value) {
            this.kernel = value;
            return this;
        }

        public Builder initramfs(Path value) {
            this.initramfs = value;
            return this;
        }

        public Builder cmdlineExtra(String param) {
            this.cmdlineExtras.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        public Builder argv(List<String> value) {
            this.argv.clear();
            this.argv.addAll(value);
            return this;
        }

        public Builder env(String key, String value) {
            this.env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder env(Map<String, String> values) {
            values.forEach(this::env);
            return this;
        }

        public Builder hostname(String value) {
            this.hostname = value;
            return this;
        }

        public Builder network(VmNetwork value) {
            this.network = Objects.requireNonNull(value, "network");
            return this;
        }

        public Builder quietKernel(boolean value) {
            this.quietKernel = value;
            return this;
        }

        public Builder consoleLog(Path value) {
            this.consoleLog = value;
            return this;
        }

        public Builder domainType(DomainType value) {
            this.domainType = Objects.requireNonNull(value, "domainType");
            return this;
        }

        public Builder machine(String value) {
            this.machine = Objects.requireNonNull(value, "machine");
            return this;
        }

        public Builder initTimeout(Duration value) {
            this.initTimeout = Objects.requireNonNull(value, "initTimeout");
            return this;
        }

        /**
         * Validates and builds. Does not touch the file system: file checks happen at boot, so a spec can be
         * built (and its XML golden-tested) on any machine.
         *
         * @throws VmException.InvalidSpec naming the field and what a valid value looks like
         */
        public VmSpec build() throws VmException.InvalidSpec {
            if (memoryText != null) {
                memory = MemorySize.parse(memoryText);
                memoryText = null;
            }
            SpecChecks.check(this);
            return new VmSpec(this);
        }

        String name() {
            return name;
        }

        int vcpus() {
            return vcpus;
        }

        MemorySize memoryValue() {
            return memory;
        }

        Path kernelPath() {
            return kernel;
        }

        Path initramfsPath() {
            return initramfs;
        }

        List<String> cmdlineExtrasList() {
            return cmdlineExtras;
        }

        Map<String, String> envMap() {
            return env;
        }

        String hostnameValue() {
            return hostname;
        }

        VmNetwork networkValue() {
            return network;
        }

        Duration initTimeoutValue() {
            return initTimeout;
        }

        String machineValue() {
            return machine;
        }

        static boolean validName(String n) {
            return n != null && NAME.matcher(n).matches();
        }
    }
}
