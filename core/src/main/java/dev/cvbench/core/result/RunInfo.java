package dev.cvbench.core.result;

import java.util.List;
import java.util.Map;

/**
 * What was run: the suite, its settings and when.
 *
 * @param id the run's UTC timestamp id, also its directory name ({@code 20261127T234512Z})
 * @param started ISO-8601 UTC instant
 * @param finished ISO-8601 UTC instant
 */
public record RunInfo(
        String id,
        String cvbenchVersion,
        String suite,
        String started,
        String finished,
        int repetitions,
        int warmup,
        List<String> runtimes,
        List<String> workloads,
        Map<String, String> settings) {
    public RunInfo {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
        workloads = workloads == null ? List.of() : List.copyOf(workloads);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
