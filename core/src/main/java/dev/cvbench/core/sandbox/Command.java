package dev.cvbench.core.sandbox;

import java.util.List;
import java.util.Objects;

/** What an instance runs. */
public sealed interface Command {
    /** A plain argv, resolved inside the instance's image. */
    record Exec(List<String> argv) implements Command {
        public Exec {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("argv must not be empty");
            }
        }
    }

    /**
     * The cvbench agent for a workload ({@code dev.cvbench.workload.Agent <workload> [args]}). Each sandbox
     * knows where the JVM and the agent jars are in its environment and builds the real argv, putting
     * {@code jvmOptions} (heap size, GC) before the main class, after its own start-up flags.
     */
    record Agent(String workload, List<String> args, List<String> jvmOptions) implements Command {
        public Agent {
            Objects.requireNonNull(workload, "workload");
            args = List.copyOf(args);
            jvmOptions = List.copyOf(jvmOptions);
        }

        public Agent(String workload, List<String> args) {
            this(workload, args, List.of());
        }

        /** The same agent command with these JVM options. */
        public Agent withJvmOptions(String... options) {
            return new Agent(workload, args, List.of(options));
        }
    }

    static Command exec(String... argv) {
        return new Exec(List.of(argv));
    }

    static Agent agent(String workload, String... args) {
        return new Agent(workload, List.of(args));
    }
}
