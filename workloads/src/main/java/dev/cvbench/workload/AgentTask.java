package dev.cvbench.workload;

import dev.cvbench.core.wire.AgentWriter;
import java.util.Map;

/**
 * The inside half of a workload: runs in the instance (host process, container, VM) with nothing but the
 * JDK, and reports through {@link AgentWriter}. Must print a {@code result} line when it succeeds.
 */
public interface AgentTask {
    /**
     * @param options {@code --key value} pairs from the agent's command line, keys without dashes
     */
    void run(Map<String, String> options, AgentWriter out) throws Exception;
}
