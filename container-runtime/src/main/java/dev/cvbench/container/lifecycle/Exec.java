package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.ContainerConfig.NamespaceConfig;
import dev.cvbench.container.config.ContainerConfig.ProcessConfig;
import dev.cvbench.container.config.NamespaceType;
import dev.cvbench.container.init.InitConfigEncoder;
import dev.cvbench.container.init.InitOptions;
import dev.cvbench.container.init.InitProtocol;
import dev.cvbench.container.init.InitSession;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code exec}: runs another process in a running container. The same cvinit, in exec mode, joins
 * every namespace of the container's init (setns on /proc/PID/ns/*; pid before the fork so the
 * process is inside the pid namespace), is added to the container's cgroup, and execs the argv with
 * the container's env, cwd, user and capabilities. The returned session stays open while it runs.
 */
public final class Exec {
    private Exec() {}

    public static InitSession run(RuntimeContext ctx, String id, List<String> args, StdioSetup stdio) throws ContainerException {
        if (args.isEmpty()) {
            throw new ContainerException("exec needs a command to run");
        }
        RuntimeRecord r = ctx.store().readRecord(id);
        Status status = ContainerStatus.of(ctx.store(), r);
        if (!status.canExec()) {
            throw new InvalidStateException(id, status.ociName(), "exec in");
        }
        ProcessConfig process = ProcessConfigFile.read(ctx.store().dir(id)).withArgs(args);
        List<NamespaceConfig> ns = new ArrayList<>();
        for (NamespaceType t : NamespaceType.values()) {
            ns.add(new NamespaceConfig(t, Optional.of(Path.of("/proc", Long.toString(r.pid()), "ns", t.procName()))));
        }
        ContainerConfig cfg = new ContainerConfig(Path.of("/"), false, Optional.empty(), process, List.of(), ns,
                ContainerConfig.ResourceLimits.NONE, Optional.empty(), List.of(), List.of(), Map.of());
        String encoded = InitConfigEncoder.encode(cfg, new InitOptions(true, Optional.empty(), Optional.empty(), true), ctx.cgroups());
        Path sock = ctx.store().dir(id).resolve("exec-" + System.nanoTime() % 100000 + ".sock");
        InitSession session = InitSession.start(ctx.initBinary(), sock, encoded, stdio, ctx.timeout());
        try {
            long pid = session.awaitReadyForCgroup();
            ctx.cgroup(r).addProcess(pid);
            session.ack(InitProtocol.CGROUP_DONE);
            session.expectMessage(InitProtocol.NETNS_READY);
            session.ack(InitProtocol.NETWORK_DONE);
            session.expectMessage(InitProtocol.READY_TO_EXEC);
            session.ack(InitProtocol.CREATED);
            return session;
        } catch (ContainerException | RuntimeException e) {
            session.process().destroyForcibly();
            session.close();
            throw e;
        }
    }
}
