package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.sandbox.SandboxFactory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to open a {@link VmSandbox}.
 *
 * @param stateRoot  cvbench's state root ({@code /run/cvbench}); VM state goes to {@code <stateRoot>/vm}, the
 *                   bridge's address pool is the one containers use under {@code <stateRoot>}
 * @param cacheDir   images and kernels ({@code /var/cache/cvbench})
 * @param libvirtUri a libvirt URI ({@code qemu:///system}, {@code qemu+ssh://host/system}), or empty for the
 *                   embedded driver (no daemon)
 * @param kernel     the kernel instances boot unless their {@code kernel} option says otherwise
 * @param progress   where preparation steps report, one line each
 */
public record VmSandboxConfig(Path stateRoot, Path cacheDir, Optional<String> libvirtUri, KernelChoice kernel,
        Consumer<String> progress) {
    public VmSandboxConfig {
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(libvirtUri, "libvirtUri");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(progress, "progress");
    }

    /** The factory's directories, progress and libvirt URI (empty: the embedded driver), and the cloud kernel. */
    public static VmSandboxConfig of(SandboxFactory factory) {
        return new VmSandboxConfig(factory.stateDir(), factory.cacheDir(), factory.libvirtUri(), KernelChoice.cloud(), factory.progress());
    }

    /**
     * Checks a {@code --libvirt-uri} value: {@code scheme://...} without spaces ({@code qemu:///system},
     * {@code qemu+ssh://host/system}); null stays null (the embedded driver). Whether it answers is known only on connect.
     *
     * @throws HarnessException.BadInput naming the option and an example, when it is malformed
     */
    public static String checkLibvirtUri(String uri) throws HarnessException.BadInput {
        if (uri != null && !uri.matches("[a-z][a-z0-9+.-]*://\\S*")) {
            throw new HarnessException.BadInput("--libvirt-uri '" + uri + "' is malformed; use e.g. qemu:///system or qemu+ssh://host/system");
        }
        return uri;
    }

    public VmSandboxConfig withLibvirtUri(String uri) {
        return new VmSandboxConfig(stateRoot, cacheDir, Optional.ofNullable(uri), kernel, progress);
    }

    public VmSandboxConfig withKernel(KernelChoice choice) {
        return new VmSandboxConfig(stateRoot, cacheDir, libvirtUri, choice, progress);
    }
}
