package dev.cvbench.workload.boot;

import dev.cvbench.core.wire.AgentWriter;
import dev.cvbench.workload.AgentTask;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trivial command the boot workload times: the agent JVM starts, says it is ready, and exits.
 * Loads as few classes as possible (no java.management), so the number is the sandbox plus a bare JVM start.
 */
public final class BootAgent implements AgentTask {
    @Override
    public void run(Map<String, String> options, AgentWriter out) {
        out.ready();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", "boot");
        result.put("processors", Runtime.getRuntime().availableProcessors());
        out.result(result);
    }
}
