package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.host.HostSandbox;
import java.nio.file.Path;

/**
 * Opens the sandbox for a runtime kind. A kind that cannot run here comes back as an
 * {@link UnavailableSandbox} carrying the reason, never as an exception, so a run reports it.
 *
 * @param stateDir runtime state (containers, VM embed root), default {@code /run/cvbench}
 * @param cacheDir built images and fetched kernels, default {@code /var/cache/cvbench}
 */
public record SandboxFactory(Path stateDir, Path cacheDir) {
    public static SandboxFactory defaults() {
        return new SandboxFactory(Path.of("/run/cvbench"), Path.of("/var/cache/cvbench"));
    }

    public Sandbox open(SandboxKind kind) {
        return switch (kind) {
            case HOST -> HostSandbox.current();
            case CONTAINER -> new UnavailableSandbox(kind, "not available yet: the built-in container runtime is not in this build",
                    "update cvbench");
            case VM -> new UnavailableSandbox(kind, "not available yet: the libvirt VM runtime is not in this build", "update cvbench");
            case RUNC, CRUN -> new UnavailableSandbox(kind, "reference runtimes are used only by the container start benchmark", "");
        };
    }
}
