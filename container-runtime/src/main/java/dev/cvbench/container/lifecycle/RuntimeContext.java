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

    public static String defaultCgroupPath(String id) {
        return "/cvbench/" + id;
    }
}
