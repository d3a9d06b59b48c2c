package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.lifecycle.RuntimeContext;
import java.nio.file.Path;

/** Builds the runtime context for a CLI command: root check, cgroup layout, cvinit, CNI network, janitor sweep. */
final class CliContext {
    private CliContext() {}

    static RuntimeContext open(Path root) throws ContainerException {
        return ContainerRuntime.open(root, "cvrun must run as root (namespaces, cgroups and mounts need it)");
    }
}
