package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.harness.doctor.Cleaner;
import dev.cvbench.vm.VmAvailability;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.VmRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Removes what killed VM runs left behind under a state root: {@code cvbench-*} domains of the embedded driver
 * (destroyed, undefined), their orphaned QEMU processes (killed), stale console sockets, and the bridge
 * addresses those VMs held (released). Nothing to do, and nothing opened, when the state root has no VM state.
 */
public final class VmCleaner implements Cleaner {
    private final Path stateRoot;

    public VmCleaner(Path stateRoot) {
        this.stateRoot = stateRoot;
    }

    @Override
    public String name() {
        return "vms";
    }

    @Override
    public List<String> clean() {
        Path state = VmPaths.state(stateRoot);
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(state)) {
            return removed;
        }
        if (VmAvailability.embedded().available()) {
            try (VmRuntime rt = VmRuntime.open(null, state)) {
                removed.addAll(rt.cleanupStale());
            } catch (VmException e) {
                removed.add("could not check for leftover domains: " + e.getMessage());
            }
        }
        removed.addAll(new VmLeases(stateRoot, state).releaseStale(Set.of()));
        return removed;
    }
}
