package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.container.network.NetworkException;
import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.IpcMode;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.sandbox.ForwardingInstance;
import dev.cvbench.vm.Vm;
import dev.cvbench.vm.VmAvailability;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.VmHostInfo;
import dev.cvbench.vm.VmRuntime;
import dev.cvbench.vm.spec.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The {@code vm} sandbox: every instance is a fresh KVM or TCG virtual machine booted through libvirt from the
 * default guest image (packed as an initramfs, direct kernel boot), running one command and powering off.
 *
 * <p>Opening it does the slow, once-only work: fetch the guest kernel, build (or find) the guest image, pack
 * the initramfs, connect to libvirt, and remove what a killed run left behind. {@link #launch} then only
 * boots: it leases an address when the instance is on the bridge, builds the domain and returns once the
 * guest's /init runs.
 *
 * <p>What a VM cannot do, by design, is refused with {@link SandboxException.Unsupported}: the host's network
 * stack or another instance's network or IPC namespace, and volumes (VMs talk over network protocols only).
 */
public final class VmSandbox implements Sandbox {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    /** The longest a guest may take to reach /init, whatever the instance's own timeout. */
    private static final Duration MAX_INIT_TIMEOUT = Duration.ofMinutes(2);

    private final VmSandboxConfig config;
    private final GuestImages images;
    private final VmRuntime runtime;
    private final VmLeases leases;
    private final Map<String, String> facts;
    private final int hostCores = Runtime.getRuntime().availableProcessors();
    private final Set<VmInstance> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger counter = new AtomicInteger();

    private VmSandbox(VmSandboxConfig config, GuestImages images, VmRuntime runtime, Map<String, String> facts) {
        this.config = config;
        this.images = images;
        this.runtime = runtime;
        this.leases = new VmLeases(config.stateRoot(), VmPaths.state(config.stateRoot()));
        this.facts = Map.copyOf(facts);
    }

    /**
     * Whether VMs can run here at all (root, QEMU, libvirt's QEMU driver, the accounts it needs), without side
     * effects. A daemon URI is not checked here: connecting says whether it works.
     */
    public static Availability availability(VmSandboxConfig config) {
        return config.libvirtUri().isPresent() ? Availability.yes() : VmAvailability.embedded();
    }

    /**
     * Prepares the guest image and kernel, connects to libvirt and cleans up leftovers of killed runs.
     *
     * @throws HarnessException.MissingPrerequisite when VMs cannot run here (the message says why and the fix)
     * @throws HarnessException.BadInput when the configured kernel file or libvirt URI is unusable
     */
    public static VmSandbox open(VmSandboxConfig config) throws HarnessException, InterruptedException {
        Availability a = availability(config);
        if (!a.available()) {
            throw new HarnessException.MissingPrerequisite("VMs cannot run here: " + a.reason() + (a.fix().isEmpty() ? "" : "; fix: " + a.fix()));
        }
        GuestImages images = new GuestImages(config.cacheDir(), config.progress());
        GuestImages.Bootable boot = images.get(config.kernel());
        Path state = VmPaths.state(config.stateRoot());
        try {
            Files.createDirectories(state);
        } catch (IOException e) {
            throw new HarnessException.MissingPrerequisite("cannot create the VM state directory " + state + ": " + e.getMessage(), e);
        }
        VmRuntime rt = connect(config, state);
        try {
            for (String removed : rt.cleanupStale()) {
                config.progress().accept("vm: cleanup: " + removed);
            }
            VmLeases leases = new VmLeases(config.stateRoot(), state);
            leases.releaseStale(Set.of()).forEach(r -> config.progress().accept("vm: cleanup: " + r));
            VmHostInfo info = rt.info();
            return new VmSandbox(config, images, rt, facts(info, boot));
        } catch (VmException | RuntimeException e) {
            rt.close();
            throw new HarnessException.MissingPrerequisite("libvirt at " + rt.uri() + " is not usable: " + e.getMessage(), e);
        }
    }

    private static VmRuntime connect(VmSandboxConfig config, Path state) throws HarnessException {
        String uri = config.libvirtUri().orElse(null);
        if (uri != null && !uri.matches("[a-z][a-z0-9+.-]*://[^\\s]*")) {
            throw new HarnessException.BadInput("libvirt URI '" + uri + "' is malformed; use e.g. qemu:///system or qemu+ssh://host/system");
        }
        try {
            return VmRuntime.open(uri, state);
        } catch (VmException e) {
            throw new HarnessException.MissingPrerequisite(e.getMessage(), e);
        }
    }

    static Map<String, String> facts(VmHostInfo info, GuestImages.Bootable boot) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("domain_type", info.domainType().libvirtName());
        f.put("emulated", Boolean.toString(info.emulated()));
        f.put("runtime", "libvirt");
        f.put("runtime_version", info.libvirtVersion());
        f.put("libvirt", info.libvirtVersion());
        f.put("qemu", info.qemuVersion());
        f.put("kernel", boot.label());
        f.put("kernel_version", boot.kernel().version());
        return f;
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.VM;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.AGENT, Capability.NETWORK_BRIDGE, Capability.MEMORY_LIMIT, Capability.CPU_LIMIT,
                Capability.MEMORY_FOOTPRINT);
    }

    /** {@code domain_type}, {@code emulated}, libvirt and QEMU versions, the default kernel: fixed while open. */
    @Override
    public Map<String, String> facts() {
        return facts;
    }

    /** The libvirt connection, for callers that need the host info. */
    public VmRuntime runtime() {
        return runtime;
    }

    @Override
    public Instance launch(InstanceSpec spec) throws SandboxException {
        long requested = System.nanoTime();
        refuseUnsupported(spec);
        String name = name(spec);
        GuestImages.Bootable boot = bootable(spec);
        VmSpec.Builder vm = VmSpec.builder().name(name)
                .kernel(boot.image().kernel()).initramfs(boot.image().initramfs())
                .argv(GuestArgv.of(spec.command(), boot.agentJars()))
                .env(spec.env())
                .initTimeout(spec.timeout().compareTo(MAX_INIT_TIMEOUT) < 0 ? spec.timeout() : MAX_INIT_TIMEOUT);
        spec.hostname().ifPresent(vm::hostname);
        try {
            vm.memory(VmSizing.memory(spec)).vcpus(VmSizing.vcpus(spec, hostCores));
        } catch (HarnessException.BadInput e) {
            throw new SandboxException(e.getMessage(), e);
        }
        boolean bridged = spec.network() instanceof NetworkMode.Bridge;
        try {
            if (bridged) {
                vm.network(leases.attach(name));
            }
            Vm booted = runtime.boot(vm.build());
            VmInstance instance = new VmInstance(booted, requested, () -> released(name, bridged));
            live.add(instance);
            return new Tracked(instance);
        } catch (NetworkException e) {
            released(name, bridged);
            throw new SandboxException("VM " + name + ": no address on the bridge: " + e.getMessage(), e);
        } catch (VmException.LibvirtUnavailable e) {
            released(name, bridged);
            throw new SandboxException.Unavailable(e.getMessage(), e);
        } catch (VmException e) {
            released(name, bridged);
            throw new SandboxException(e.getMessage(), e);
        } catch (InterruptedException e) {
            released(name, bridged);
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while booting VM " + name, e);
        }
    }

    /** Refuses what only containers can do: the point of the comparison. */
    static void refuseUnsupported(InstanceSpec spec) throws SandboxException.Unsupported {
        if (spec.network() instanceof NetworkMode.Host) {
            throw new SandboxException.Unsupported(Capability.NETWORK_HOST,
                    "a VM has its own kernel and network stack; it cannot use the host's (use bridge networking)");
        }
        if (spec.network() instanceof NetworkMode.SharedWith) {
            throw new SandboxException.Unsupported(Capability.NETWORK_SHARE,
                    "VMs cannot share a network namespace (one localhost); they talk over the bridge");
        }
        if (spec.ipc() instanceof IpcMode.SharedWith || spec.ipc() instanceof IpcMode.Host) {
            throw new SandboxException.Unsupported(Capability.IPC_SHARE,
                    "VMs cannot share IPC namespaces (shared memory, semaphores, queues); each has its own kernel");
        }
        if (!spec.volumes().isEmpty()) {
            throw new SandboxException.Unsupported(Capability.VOLUME_HOST_DIR,
                    "VMs get no bind mounts or shared volumes from cvbench; they exchange data over the network");
        }
    }

    private String name(InstanceSpec spec) throws SandboxException {
        if (spec.name().isEmpty()) {
            return "p" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
        }
        String n = spec.name().get();
        if (!NAME.matcher(n).matches()) {
            throw new SandboxException("VM name '" + n + "' is invalid; use 1-40 of a-z 0-9 and '-', starting with a letter or digit");
        }
        return n;
    }

    private GuestImages.Bootable bootable(InstanceSpec spec) throws SandboxException {
        try {
            return images.get(KernelChoice.fromOptions(spec.options(), config.kernel()));
        } catch (HarnessException.BadInput e) {
            throw new SandboxException(e.getMessage(), e);
        } catch (HarnessException e) {
            throw new SandboxException.Unavailable(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while preparing the guest image", e);
        }
    }

    private void released(String name, boolean bridged) {
        if (!bridged) {
            return;
        }
        try {
            leases.release(name);
        } catch (NetworkException e) {
            config.progress().accept("vm: could not release the address of " + name + ": " + e.getMessage()
                    + " (cvbench doctor --clean retries)");
        }
    }

    /** Destroys every VM still running, returns their addresses, and closes the libvirt connection. */
    @Override
    public void close() {
        for (VmInstance i : new ArrayList<>(live)) {
            i.close();
        }
        live.clear();
        runtime.close();
    }

    @Override
    public String toString() {
        return "vm sandbox (" + runtime.uri() + ")";
    }

    /** Forgets the instance when it is closed, so {@link #close()} only touches live ones. */
    private final class Tracked extends ForwardingInstance {
        private final VmInstance instance;

        Tracked(VmInstance instance) {
            super(instance);
            this.instance = instance;
        }

        @Override
        public void close() {
            super.close();
            live.remove(instance);
        }
    }

    /** The booted VM behind an instance this sandbox launched (for {@code vm run}'s console and phases). */
    static Vm vmOf(Instance instance) {
        Instance i = instance instanceof Tracked t ? t.instance : instance;
        return ((VmInstance) i).vm();
    }
}
