package dev.cvbench.harness.sandbox.container;

import dev.cvbench.container.ContainerSpec;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.IpcMode;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.Volume;
import dev.cvbench.harness.image.AgentLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the sandbox vocabulary ({@link InstanceSpec}) into the runtime's ({@link ContainerSpec}). Pure: no
 * root, no files touched, so it is unit tested.
 *
 * <ul>
 *   <li>{@code Command.Agent} becomes the image's agent argv with the {@link AgentLayout.Tuning#THROUGHPUT}
 *       flags (the host gives agents the full JIT too: parity) and without the AppCDS archive (the archive
 *       checks jar mtimes and paths, which an overlay does not guarantee); the workload's JVM options follow.</li>
 *   <li>Networks: none (own netns, lo only), bridge, host, {@code SharedWith(i)} = {@code container:<i's id>}.</li>
 *   <li>IPC: private instances are created {@code shareable}, so any later instance can join them.</li>
 *   <li>Volumes: host dirs are binds, named volumes come from the runtime's store, {@code From(i)} is
 *       {@code --volumes-from <i's id>}.</li>
 * </ul>
 */
public final class SpecMapper {
    private final Path rootfs;
    private final AgentLayout layout;

    /** @param layout the image's agent layout; its AppCDS flag is dropped */
    public SpecMapper(Path rootfs, AgentLayout layout) {
        this.rootfs = rootfs;
        this.layout = AgentLayout.of(layout.jarNames(), false);
    }

    public ContainerSpec map(String id, InstanceSpec spec) {
        ContainerSpec.Builder b = ContainerSpec.builder(rootfs).args(argv(spec.command()));
        spec.env().forEach(b::env);
        b.hostname(spec.hostname().orElse(id));
        spec.memoryBytes().ifPresent(b::memoryLimit);
        spec.cpus().ifPresent(b::cpus);
        spec.pidsLimit().ifPresent(b::pidsLimit);
        b.network(network(spec.network()));
        b.ipc(ipc(spec.ipc()));
        for (Volume v : spec.volumes()) {
            if (v instanceof Volume.HostDir h) {
                b.bind(h.source(), h.target(), h.readOnly());
            } else if (v instanceof Volume.Named n) {
                b.volume(n.name(), n.target(), n.readOnly());
            } else if (v instanceof Volume.From f) {
                b.volumesFrom(f.other().id());
            }
        }
        return b.build();
    }

    /** The argv inside the container. */
    public List<String> argv(Command command) {
        if (command instanceof Command.Exec exec) {
            return exec.argv();
        }
        Command.Agent agent = (Command.Agent) command;
        List<String> program = new ArrayList<>();
        program.add(agent.workload());
        program.addAll(agent.args());
        return layout.argv(AgentLayout.Tuning.THROUGHPUT, agent.jvmOptions(), AgentLayout.AGENT_MAIN, program);
    }

    static String network(NetworkMode mode) {
        if (mode instanceof NetworkMode.SharedWith s) {
            return "container:" + s.other().id();
        }
        return mode instanceof NetworkMode.Bridge ? "bridge" : mode instanceof NetworkMode.Host ? "host" : "none";
    }

    static String ipc(IpcMode mode) {
        if (mode instanceof IpcMode.SharedWith s) {
            return "container:" + s.other().id();
        }
        return mode instanceof IpcMode.Host ? "host" : "shareable";
    }
}
