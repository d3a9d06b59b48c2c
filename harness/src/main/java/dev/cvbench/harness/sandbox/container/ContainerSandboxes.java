package dev.cvbench.harness.sandbox.container;

import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.UnavailableSandbox;

/** Opens the {@code container} sandbox: cvbench's own runtime, through its library API. */
public final class ContainerSandboxes {
    private ContainerSandboxes() {}

    public static Sandbox open(SandboxFactory factory) {
        return new UnavailableSandbox(SandboxKind.CONTAINER, "not available yet: the container sandbox adapter is not wired", "update cvbench");
    }
}
