package dev.cvbench.container.lifecycle;

import dev.cvbench.container.state.OciState;
import dev.cvbench.container.state.ProcessTable;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;
import dev.cvbench.container.state.StateStore;
import java.nio.file.Files;

/**
 * Derives a container's status from facts, not from a stored flag: no pid yet is creating; a
 * dead (or reused) pid is stopped; a live pid with the exec fifo still present is created (its
 * init waits on the fifo); otherwise running.
 */
public final class ContainerStatus {
    private ContainerStatus() {}

    public static Status of(StateStore store, RuntimeRecord r) {
        if (r.pid() <= 0) {
            return Status.CREATING;
        }
        if (!ProcessTable.isAlive(r.pid(), r.pidStartTime())) {
            return Status.STOPPED;
        }
        return Files.exists(store.dir(r.id()).resolve(Create.EXEC_FIFO)) ? Status.CREATED : Status.RUNNING;
    }

    public static OciState ociState(RuntimeRecord r, Status s) {
        return new OciState(OciState.OCI_VERSION, r.id(), s.ociName(), s == Status.STOPPED || r.pid() <= 0 ? null : r.pid(),
                r.bundle(), r.annotations());
    }
}
