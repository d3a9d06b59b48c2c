package dev.cvbench.harness.sandbox.container;

import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.harness.doctor.Cleaner;
import dev.cvbench.harness.sandbox.SandboxFactory;
import java.util.Optional;

/** Opens the {@code container} sandbox: cvbench's own runtime, through its library API. */
public final class ContainerSandboxes {
    private ContainerSandboxes() {}

    public static Sandbox open(SandboxFactory factory) {
        return new ContainerSandbox(factory.stateDir(), factory.cacheDir(), factory.progress(), Optional.empty());
    }

    /** The cleaner {@code doctor --clean} and run start-up use for containers. */
    public static Cleaner cleaner(SandboxFactory factory) {
        return new ContainerCleaner(factory.stateDir());
    }
}
