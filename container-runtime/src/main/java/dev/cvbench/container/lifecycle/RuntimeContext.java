package dev.cvbench.container.lifecycle;

import dev.cvbench.container.NetworkAttacher;
import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.cgroups.CgroupManager;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.sys.Syscalls;
import java.nio.file.Path;
import java.time.Duration;

/** Everything a lifecycle verb needs: where state lives, the host's facilities, the helper, the network. */
public record RuntimeContext(StateStore store, Syscalls sys, CgroupLayout cgroups, Path initBinary, NetworkAttacher network,
                             Duration timeout) {

    public CgroupManager cgroup(RuntimeRecord r) {
        return cgroups.manager(r.cgroupPath(), sys);
    }

    /** The runtime's default root; its containers get the plain cgroup path {@code /cvbench/<id>}. */
    public static final Path DEFAULT_ROOT = Path.of("/run/cvbench");

    /**
     * {@code /cvbench/<id>} under the default root; under any other root the id gets a short hash
     * of the root ({@code /cvbench/<id>-1a2b3c4d}), because cgroups are host-wide while ids are
     * unique only per root (tests and parallel users each have their own --root).
     */
    public String defaultCgroupPath(String id) {
        if (store.root().equals(DEFAULT_ROOT)) {
            return "/cvbench/" + id;
        }
        return "/cvbench/" + id + "-" + String.format("%08x", store.root().toString().hashCode());
    }
}
