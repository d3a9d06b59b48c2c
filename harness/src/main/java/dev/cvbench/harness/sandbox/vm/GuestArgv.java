package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.harness.image.AgentLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The argv /init runs in the guest for a {@link Command}. An {@link Command.Exec} runs as is (resolved on the
 * guest's PATH). An {@link Command.Agent} runs on the image's JRE with the same start-up flags the host sandbox
 * gives the host JVM ({@code -Xshare:auto -XX:-UsePerfData}, i.e. {@link AgentLayout.Tuning#THROUGHPUT}, no
 * AppCDS archive) followed by the workload's own JVM options, so the workload chooses JIT and GC the same way
 * everywhere and a VM-vs-host ratio compares like with like:
 * <pre>
 * /opt/cvbench/jre/bin/java -Xshare:auto -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
 *     -cp /opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar dev.cvbench.workload.Agent boot
 * </pre>
 */
public final class GuestArgv {
    private GuestArgv() {}

    /** The guest argv for {@code command}, with the agent jars named in {@code jarNames}. */
    public static List<String> of(Command command, List<String> jarNames) {
        if (command instanceof Command.Exec exec) {
            return exec.argv();
        }
        Command.Agent agent = (Command.Agent) command;
        List<String> programArgs = new ArrayList<>();
        programArgs.add(agent.workload());
        programArgs.addAll(agent.args());
        return AgentLayout.of(jarNames, false)
                .argv(AgentLayout.Tuning.THROUGHPUT, agent.jvmOptions(), AgentLayout.AGENT_MAIN, programArgs);
    }
}
