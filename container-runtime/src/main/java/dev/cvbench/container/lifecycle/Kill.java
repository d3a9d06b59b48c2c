package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;

/**
 * {@code kill}: sends a signal to the container's init (created or running). As with runc, PID 1
 * in its namespace ignores signals it has no handler for, except SIGKILL and SIGSTOP.
 */
public final class Kill {
    private Kill() {}

    public static void run(RuntimeContext ctx, String id, int signal) throws ContainerException {
        RuntimeRecord r = ctx.store().readRecord(id);
        Status status = ContainerStatus.of(ctx.store(), r);
        if (!status.canKill()) {
            throw new InvalidStateException(id, status.ociName(), "kill");
        }
        ctx.sys().kill(r.pid(), signal);
    }
}
