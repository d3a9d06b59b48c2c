package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;

/** {@code delete}: removes a stopped container; {@code force} kills a created or running one first. */
public final class Delete {
    private Delete() {}

    public static void run(RuntimeContext ctx, String id, boolean force) throws ContainerException {
        RuntimeRecord r = ctx.store().readRecord(id);
        Status status = ContainerStatus.of(ctx.store(), r);
        if (!status.canDelete(force)) {
            throw new InvalidStateException(id, status.ociName() + " (stop it first, or use --force)", "delete");
        }
        Cleanup.remove(ctx, r);
    }
}
