package dev.cvbench.harness.sandbox.container;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerInfo;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.harness.doctor.Cleaner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code cvbench doctor --clean} for containers: opening the runtime runs its janitor, which removes every
 * container whose owning process is gone (a SIGKILLed run): its processes, cgroup, overlay mount, veth and
 * address lease, shm directory, named-volume users and state dir. Detached containers
 * ({@code cvbench container run -d}) are the user's and stay until {@code cvbench container rm}.
 */
public final class ContainerCleaner implements Cleaner {
    private final Path stateDir;

    public ContainerCleaner(Path stateDir) {
        this.stateDir = stateDir;
    }

    @Override
    public String name() {
        return "containers";
    }

    @Override
    public List<String> clean() {
        if (!Files.isDirectory(stateDir)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try {
            Set<String> before = ids();
            ContainerRuntime rt = ContainerRuntime.at(stateDir);
            Set<String> after = new TreeSet<>();
            for (ContainerInfo i : rt.list()) {
                after.add(i.id());
            }
            before.removeAll(after);
            before.forEach(id -> out.add("removed container " + id));
        } catch (ContainerException e) {
            out.add("could not clean " + stateDir + ": " + e.getMessage());
        }
        return out;
    }

    /** Container directories before the sweep (state dirs only; reserved names excluded). */
    private Set<String> ids() {
        Set<String> ids = new TreeSet<>();
        try (var s = Files.list(stateDir)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !StateStore.RESERVED.contains(n)).forEach(ids::add);
        } catch (IOException e) {
            // nothing to compare against: only errors are reported
        }
        return ids;
    }
}
