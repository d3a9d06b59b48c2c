package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.state.OciState;
import dev.cvbench.container.state.RuntimeRecord;
import java.util.ArrayList;
import java.util.List;

/** {@code list}: the OCI state of every container under the root, plus its creation time. */
public final class ListContainers {
    /** One row of {@code cvrun list}. */
    public record Entry(OciState state, String created) {}

    private ListContainers() {}

    public static List<Entry> run(RuntimeContext ctx) throws ContainerException {
        List<Entry> out = new ArrayList<>();
        for (String id : ctx.store().ids()) {
            try {
                RuntimeRecord r = ctx.store().readRecord(id);
                out.add(new Entry(ContainerStatus.ociState(r, ContainerStatus.of(ctx.store(), r)), r.created()));
            } catch (ContainerException e) {
                // being created or deleted right now: not listed
            }
        }
        return out;
    }
}
