package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.container.ContainerSandboxes;
import dev.cvbench.harness.sandbox.host.HostSandbox;
import dev.cvbench.harness.sandbox.vm.VmSandboxes;
import dev.cvbench.harness.doctor.Cleaner;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens the sandbox for a runtime kind. A kind that cannot run here comes back as an
 * {@link UnavailableSandbox} carrying the reason, never as an exception, so a run reports it.
 *
 * @param stateDir runtime state (containers, VM embed root), default {@code /run/cvbench}
 * @param cacheDir built images and fetched kernels, default {@code /var/cache/cvbench}
 * @param progress where long preparation steps (image build, kernel fetch) report, one line each
 * @param libvirtUri the libvirt the vm sandbox connects to ({@code qemu:///system}, {@code qemu+ssh://host/system}),
 *                 or empty for libvirt's embedded driver (no daemon), the default
 */
public record SandboxFactory(Path stateDir, Path cacheDir, Consumer<String> progress, Optional<String> libvirtUri) {
    public SandboxFactory {
        Objects.requireNonNull(libvirtUri, "libvirtUri");
    }

    /** The embedded libvirt driver for VMs. */
    public SandboxFactory(Path stateDir, Path cacheDir, Consumer<String> progress) {
        this(stateDir, cacheDir, progress, Optional.empty());
    }

    public SandboxFactory(Path stateDir, Path cacheDir) {
        this(stateDir, cacheDir, line -> {});
    }

    /** This factory with VMs on the libvirt at {@code uri} (null: the embedded driver). */
    public SandboxFactory withLibvirtUri(String uri) {
        return new SandboxFactory(stateDir, cacheDir, progress, Optional.ofNullable(uri));
    }

    /** Where runtime state lives unless {@code --state-dir} says otherwise. */
    public static final String DEFAULT_STATE_DIR = "/run/cvbench";

    /** Where images and kernels are cached unless {@code --cache-dir} says otherwise. */
    public static final String DEFAULT_CACHE_DIR = "/var/cache/cvbench";

    public static SandboxFactory defaults() {
        return new SandboxFactory(Path.of(DEFAULT_STATE_DIR), Path.of(DEFAULT_CACHE_DIR));
    }

    /** Everything that can clean up after an interrupted run, in teardown order (VMs, then containers). */
    public List<Cleaner> cleaners() {
        return List.of(VmSandboxes.cleaner(this), ContainerSandboxes.cleaner(this));
    }

    public Sandbox open(SandboxKind kind) {
        return switch (kind) {
            case HOST -> HostSandbox.current();
            case CONTAINER -> ContainerSandboxes.open(this);
            case VM -> VmSandboxes.open(this);
            case RUNC, CRUN -> new UnavailableSandbox(kind, "reference runtimes are used only by the container start benchmark", "");
        };
    }
}
