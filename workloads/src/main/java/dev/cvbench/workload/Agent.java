package dev.cvbench.workload;

import dev.cvbench.core.wire.AgentWriter;
import dev.cvbench.workload.boot.BootAgent;
import dev.cvbench.workload.memory.StreamAgent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The agent entry point, the same jar in every environment:
 *
 * <pre>java -cp /opt/cvbench/lib/* dev.cvbench.workload.Agent &lt;workload&gt; [--key value ...]</pre>
 *
 * Exit status 0 on success, 1 when the task failed (after printing an {@code error} line), 2 for a usage
 * error. Only the JDK is on the class path: no Jackson, no logging framework.
 */
public final class Agent {
    private static final Map<String, Supplier<AgentTask>> TASKS = Map.of(
            "memory-bandwidth", StreamAgent::new,
            "boot", BootAgent::new);

    private Agent() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), new AgentWriter(System.out)));
    }

    static int run(List<String> args, AgentWriter out) {
        if (args.size() == 1 && args.get(0).equals("--help")) {
            System.out.println("usage: Agent <workload> [--key value ...]; workloads: " + String.join(", ", TASKS.keySet().stream().sorted().toList()));
            return 0;
        }
        if (args.isEmpty() || !TASKS.containsKey(args.get(0))) {
            String got = args.isEmpty() ? "nothing" : "'" + args.get(0) + "'";
            out.error("usage: Agent <workload> [--key value ...]; got " + got + ", known: " + String.join(", ", TASKS.keySet().stream().sorted().toList()));
            return 2;
        }
        Map<String, String> options;
        try {
            options = options(args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            out.error(e.getMessage());
            return 2;
        }
        try {
            TASKS.get(args.get(0)).get().run(options, out);
            return 0;
        } catch (OutOfMemoryError e) {
            out.error(args.get(0) + ": out of memory (" + e.getMessage() + "); lower the array size or raise the instance's memory");
            return 1;
        } catch (Exception e) {
            out.error(args.get(0) + ": " + e);
            return 1;
        }
    }

    /** Parses {@code --key value} pairs. */
    static Map<String, String> options(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new IllegalArgumentException("expected --key value, got '" + a + "'");
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
            out.put(a.substring(2), args.get(++i));
        }
        return out;
    }
}
