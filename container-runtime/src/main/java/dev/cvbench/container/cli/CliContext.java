package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.NetworkAttacher;
import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.init.InitBinary;
import dev.cvbench.container.init.InitProtocol;
import dev.cvbench.container.lifecycle.Janitor;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.sys.Syscalls;
import java.nio.file.Path;

/** Builds the runtime context for a CLI command: root check, cgroup layout, cvinit, janitor sweep. */
final class CliContext {
    private CliContext() {}

    static RuntimeContext open(Path root) throws ContainerException {
        Syscalls sys = Syscalls.linux();
        if (sys.geteuid() != 0) {
            throw new ContainerException("cvrun must run as root (namespaces, cgroups and mounts need it)");
        }
        StateStore store = new StateStore(root);
        RuntimeContext ctx = new RuntimeContext(store, sys, CgroupLayout.forHost(), InitBinary.locate(store.root()),
                NetworkAttacher.NONE, InitProtocol.DEFAULT_TIMEOUT);
        Janitor.sweep(ctx);
        return ctx;
    }
}
