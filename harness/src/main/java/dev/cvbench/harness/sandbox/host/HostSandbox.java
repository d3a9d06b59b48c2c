package dev.cvbench.harness.sandbox.host;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.IpcMode;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.image.AgentJars;
import dev.cvbench.harness.image.AgentLayout;
import dev.cvbench.harness.image.ImageException;
import dev.cvbench.harness.sandbox.LiveInstances;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The baseline: instances are plain child processes on the host, sharing its network, IPC and files.
 * The agent runs on the JDK cvbench runs on (the same JDK the guest image's JRE is linked from), with the
 * same start-up flags the images use, so boot and bandwidth numbers compare like with like.
 */
public final class HostSandbox implements Sandbox {
    /**
     * Flags every agent JVM gets, before the workload's own: the same as in the guest image (the JDK's CDS
     * archive, no perf-data file), so start-up compares like with like.
     */
    public static final List<String> AGENT_JVM_FLAGS = List.of("-Xshare:auto", "-XX:-UsePerfData");

    private final Path javaHome;
    private final List<Path> agentClasspath;
    private final LiveInstances live = new LiveInstances();
    private final AtomicInteger counter = new AtomicInteger();

    public HostSandbox(Path javaHome, List<Path> agentClasspath) {
        this.javaHome = javaHome;
        this.agentClasspath = List.copyOf(agentClasspath);
    }

    /** A host sandbox using the running JDK and the agent jars on this class path. */
    public static HostSandbox current() {
        try {
            return new HostSandbox(Path.of(System.getProperty("java.home")), AgentJars.sourcesOf(AgentJars.DEFAULT_CLASSES));
        } catch (ImageException e) {
            throw new IllegalStateException("the agent classes are not on the class path: " + e.getMessage(), e);
        }
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.HOST;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.AGENT, Capability.NETWORK_HOST, Capability.VOLUME_HOST_DIR, Capability.MEMORY_FOOTPRINT);
    }

    @Override
    public Map<String, String> facts() {
        return Map.of("java_version", System.getProperty("java.version"), "isolation", "none");
    }

    @Override
    public Instance launch(InstanceSpec spec) throws SandboxException {
        check(spec);
        String id = spec.name().orElse("host-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet());
        ProcessBuilder pb = new ProcessBuilder(argv(spec.command()));
        pb.environment().putAll(spec.env());
        try {
            ProcessInstance instance = ProcessInstance.start(id, pb);
            return live.track(instance);
        } catch (IOException e) {
            throw new SandboxException("cannot start " + pb.command().get(0) + ": " + e.getMessage(), e);
        }
    }

    List<String> argv(Command command) {
        if (command instanceof Command.Exec exec) {
            return exec.argv();
        }
        Command.Agent agent = (Command.Agent) command;
        List<String> argv = new ArrayList<>();
        argv.add(javaHome.resolve("bin/java").toString());
        argv.addAll(AGENT_JVM_FLAGS);
        argv.addAll(agent.jvmOptions());
        argv.add("-cp");
        argv.add(agentClasspath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        argv.add(AgentLayout.AGENT_MAIN);
        argv.add(agent.workload());
        argv.addAll(agent.args());
        return argv;
    }

    private static void check(InstanceSpec spec) throws SandboxException.Unsupported {
        if (spec.network() instanceof NetworkMode.Bridge || spec.network() instanceof NetworkMode.SharedWith) {
            throw new SandboxException.Unsupported(Capability.NETWORK_BRIDGE, "the host sandbox has only the host's network");
        }
        if (spec.ipc() instanceof IpcMode.SharedWith) {
            throw new SandboxException.Unsupported(Capability.IPC_SHARE, "host processes share the host's IPC namespace already");
        }
        if (spec.memoryBytes().isPresent()) {
            throw new SandboxException.Unsupported(Capability.MEMORY_LIMIT, "the host sandbox enforces no memory limit");
        }
        if (spec.cpus().isPresent()) {
            throw new SandboxException.Unsupported(Capability.CPU_LIMIT, "the host sandbox enforces no CPU limit");
        }
        if (!spec.volumes().isEmpty()) {
            throw new SandboxException.Unsupported(Capability.VOLUME_NAMED, "host processes see the host's files; volumes do not apply");
        }
    }

    @Override
    public void close() {
        live.closeAll();
    }
}
