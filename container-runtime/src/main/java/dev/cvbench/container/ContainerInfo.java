package dev.cvbench.container;

import dev.cvbench.container.state.Status;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link ContainerRuntime#info} and {@link ContainerRuntime#list} report about a container under the
 * runtime's root, whoever created it (library, {@code cvrun}, {@code cvbench container}).
 *
 * @param pid         host pid of its init, 0 once stopped
 * @param created     ISO-8601 creation time
 * @param annotations its OCI annotations (labels, recorded mounts)
 * @param address     its address on the bridge, when attached
 * @param exitStatus  the exit status once stopped (128+N when killed by signal N), when known
 */
public record ContainerInfo(String id, Status status, long pid, String created, List<String> args,
                            Map<String, String> annotations, Optional<String> address, OptionalInt exitStatus) {}
