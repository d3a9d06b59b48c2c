package dev.cvbench.container.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What the runtime must remember to manage and clean up a container ({@code runtime.json} in its
 * state directory; the OCI view is {@link OciState}).
 *
 * @param pid            host pid of the container's init (0 while creating)
 * @param pidStartTime   its start time in clock ticks (/proc/pid/stat field 22), to detect pid reuse
 * @param ownerPid       the runtime process that owns an attached container (0 when detached): if it is
 *                       gone, the janitor removes the container
 * @param overlay        whether {@code rootfs/} in the state dir is an overlay mount to undo
 * @param network        whether the NetworkAttacher was called (detach on delete)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuntimeRecord(String id, String bundle, long pid, long pidStartTime, long ownerPid, long ownerStartTime,
                            String cgroupPath, boolean overlay, boolean network, String created, List<String> args,
                            Map<String, String> annotations) {

    public RuntimeRecord withPid(long newPid, long startTime) {
        return new RuntimeRecord(id, bundle, newPid, startTime, ownerPid, ownerStartTime, cgroupPath, overlay, network,
                created, args, annotations);
    }

    public RuntimeRecord withNetwork(boolean attached) {
        return new RuntimeRecord(id, bundle, pid, pidStartTime, ownerPid, ownerStartTime, cgroupPath, overlay, attached,
                created, args, annotations);
    }

    public RuntimeRecord detached() {
        return new RuntimeRecord(id, bundle, pid, pidStartTime, 0, 0, cgroupPath, overlay, network, created, args, annotations);
    }
}
