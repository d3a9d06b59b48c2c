package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.state.OciState;
import dev.cvbench.container.state.RuntimeRecord;

/** {@code state}: the OCI state document of one container, its status derived from the live process. */
public final class State {
    private State() {}

    public static OciState run(RuntimeContext ctx, String id) throws ContainerException {
        RuntimeRecord r = ctx.store().readRecord(id);
        return ContainerStatus.ociState(r, ContainerStatus.of(ctx.store(), r));
    }
}
