package dev.cvbench.harness.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked for on the command line; null or empty means "as the suite says".
 *
 * @param suite a built-in suite name or a suite file
 */
public record RunOptions(String suite, List<String> runtimes, List<String> workloads, Integer repetitions, Integer warmup, Path out) {
    public RunOptions {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
    }
}
