package dev.cvbench.reports.stats;

import dev.cvbench.core.result.Ratio;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.core.result.Summary;
import dev.cvbench.core.sandbox.SandboxKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Fills every series' {@code summary} and {@code ratio_to_host} in a run result.
 *
 * <h2>Which host series a series is compared with</h2>
 * The one with the same workload, the same parameters, the same metric and the same <em>tags</em>.
 * A series' facts mix two things: facts copied from its sandbox ({@code domain_type=qemu}), which
 * differ between host and VM by design, and tags from its measurements ({@code kernel=triad}), which
 * must agree. The tags are the facts that are not the sandbox's own (the {@link SandboxInfo#facts()}
 * entry of the same key and value) and not one of the {@link #SANDBOX_FACT_KEYS}. A series without a
 * host counterpart (the host was skipped, or it is the host) gets no ratio.
 *
 * <h2>Reproducibility</h2>
 * Each bootstrap is seeded with the run's seed mixed with a checksum of the series' identity, so
 * the same result file always gets the same intervals, whatever order the series are in.
 */
public final class Analysis {
    /** The seed {@link #complete(RunResult)} uses. */
    public static final long DEFAULT_SEED = 0x5EED_CB;

    /** Facts that always describe the sandbox, never a measurement, even when the sandbox entry lacks them. */
    public static final Set<String> SANDBOX_FACT_KEYS = Set.of("domain_type", "emulated", "runtime", "runtime_version");

    private Analysis() {}

    /** {@link #complete(RunResult, long)} with {@link #DEFAULT_SEED}. */
    public static RunResult complete(RunResult result) {
        return complete(result, DEFAULT_SEED);
    }

    /**
     * The same result with every series' summary and ratio to host (re)computed. Series without
     * samples keep a null summary and ratio.
     */
    public static RunResult complete(RunResult result, long seed) {
        Map<String, Map<String, String>> sandboxFacts = new HashMap<>();
        for (SandboxInfo s : result.sandboxes()) {
            sandboxFacts.put(s.kind(), s.facts());
        }
        Map<Key, Series> hosts = new HashMap<>();
        for (Series s : result.results()) {
            if (isHost(s) && !s.samples().isEmpty()) {
                hosts.putIfAbsent(Key.of(s, sandboxFacts), s);
            }
        }
        List<Series> completed = new ArrayList<>(result.results().size());
        for (Series s : result.results()) {
            completed.add(analyse(s, hosts.get(Key.of(s, sandboxFacts)), seed));
        }
        return new RunResult(result.schema(), result.run(), result.environment(), result.sandboxes(), completed,
                result.outcomes());
    }

    private static Series analyse(Series s, Series host, long seed) {
        if (s.samples().isEmpty()) {
            return s.withStatistics(null, null);
        }
        Summary summary = Statistics.summarize(s.values(), s.metric());
        Ratio ratio = host == null || isHost(s) ? null : Ratios.toHost(s, host, seed ^ identity(s));
        return s.withStatistics(summary, ratio);
    }

    private static boolean isHost(Series s) {
        return SandboxKind.HOST.id().equals(s.sandbox());
    }

    private static long identity(Series s) {
        CRC32 crc = new CRC32();
        String id = s.workload() + '\u0000' + s.sandbox() + '\u0000' + s.metric().name() + '\u0000'
                + new TreeMap<>(s.parameters()) + '\u0000' + new TreeMap<>(s.facts());
        crc.update(id.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /**
     * The measurement tags among a series' facts: those that are neither its sandbox's own facts nor one of
     * the {@link #SANDBOX_FACT_KEYS}. Sorted by key.
     */
    public static Map<String, String> tagsOf(Series s, Map<String, String> sandboxFacts) {
        Map<String, String> tags = new TreeMap<>();
        s.facts().forEach((k, v) -> {
            if (!SANDBOX_FACT_KEYS.contains(k) && !Objects.equals(sandboxFacts.get(k), v)) {
                tags.put(k, v);
            }
        });
        return tags;
    }

    /** What makes two series comparable across sandboxes. */
    private record Key(String workload, Map<String, String> parameters, String metric, Map<String, String> tags) {
        static Key of(Series s, Map<String, Map<String, String>> sandboxFacts) {
            Map<String, String> tags = tagsOf(s, sandboxFacts.getOrDefault(s.sandbox(), Map.of()));
            return new Key(s.workload(), s.parameters(), s.metric().name(), tags);
        }
    }
}
