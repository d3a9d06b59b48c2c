package dev.cvbench.core.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, realistic {@link RunResult}: three sandboxes (one an emulated VM) and one that is not
 * available, two workloads, a skipped and a failed outcome, summaries and ratios. The samples come
 * from a seeded generator, so the numbers have the awkward digits real ones have.
 */
final class GoldenRun {
    private GoldenRun() {}

    static RunResult build() {
        SplittableRandom random = new SplittableRandom(20261127L);
        RunInfo info = new RunInfo("20261127T234512Z", "0.1.0-SNAPSHOT", "quick", "2026-11-27T23:45:12Z",
                "2026-11-27T23:51:40Z", 3, 1, List.of("host", "container", "vm", "runc"),
                List.of("boot", "stream"), Map.of("timeout", "PT120S", "cpus", "1"));
        Environment env = new Environment("bench-01", "AMD EPYC 7B13", 2, 25_769_803_776L,
                "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", "hybrid", false,
                "OpenJDK 17.0.15+6-Debian-1deb12u1", Map.of("qemu", "7.2.15", "libvirt", "9.0.0", "runc", "absent"));
        List<SandboxInfo> sandboxes = List.of(
                new SandboxInfo("host", true, "", Map.of()),
                new SandboxInfo("container", true, "", Map.of("cgroup", "v1")),
                new SandboxInfo("vm", true, "", Map.of("domain_type", "qemu", "emulated", "true")),
                new SandboxInfo("runc", false, "runc not found on PATH", Map.of()));
        Metric boot = Metric.lower("boot_time_ms", "ms", "launch to agent ready");
        Metric triad = Metric.higher("triad_gb_per_s", "GB/s", "STREAM triad bandwidth");
        List<Series> series = new ArrayList<>();
        series.add(series("boot", "host", boot, Map.of(), samples(random, 3, 1, 41.0, 0.04), null));
        series.add(series("boot", "container", boot, Map.of("cgroup", "v1"), samples(random, 3, 1, 97.0, 0.06),
                new Ratio(2.3390243902439, 2.1707317073170, 2.5121951219512)));
        series.add(series("boot", "vm", boot, Map.of("domain_type", "qemu", "emulated", "true"),
                samples(random, 3, 1, 6120.0, 0.03), new Ratio(148.97560975609, 140.12195121951, 155.48780487804)));
        series.add(series("stream", "host", triad, Map.of("kernel", "triad"), samples(random, 2, 3, 11.2, 0.02), null));
        series.add(series("stream", "container", triad, Map.of("kernel", "triad", "cgroup", "v1"),
                samples(random, 2, 3, 11.1, 0.02), new Ratio(0.99107142857142, 0.97321428571428, 1.00892857142857)));
        List<Outcome> outcomes = List.of(
                Outcome.skipped("stream", "vm", "needs capability HUGEPAGES, which vm lacks"),
                Outcome.failed("boot", "runc", "exit code 127 after 0.2 s",
                        List.of("exec: \"java\": executable file not found in $PATH", "container \"cv-1\" exited")));
        return new RunResult(RunResult.SCHEMA, info, env, sandboxes, series, outcomes);
    }

    private static Series series(String workload, String sandbox, Metric metric, Map<String, String> facts,
            List<Sample> samples, Ratio ratio) {
        double[] v = samples.stream().mapToDouble(Sample::value).sorted().toArray();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1));
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        double best = metric.direction() == Direction.HIGHER_IS_BETTER ? v[v.length - 1] : v[0];
        Map<String, Double> pct = new LinkedHashMap<>();
        if (metric.unit().equals("ms")) {
            pct.put("p50", median);
            pct.put("p99.9", v[v.length - 1]);
        }
        // fixture values: the interval uses t(0.975, 2) for every n; core does not compute statistics
        Summary summary = new Summary(v.length, v[0], v[v.length - 1], best, median, mean, sd, sd / mean,
                mean - 4.302652729911275 * sd / Math.sqrt(v.length), mean + 4.302652729911275 * sd / Math.sqrt(v.length),
                pct);
        return new Series(workload, sandbox, Map.of("size", "1M"), metric, facts, samples, summary, ratio);
    }

    private static List<Sample> samples(SplittableRandom random, int reps, int iters, double center, double cv) {
        List<Sample> out = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
            for (int i = 0; i < iters; i++) {
                out.add(new Sample(r, i, center * (1 + cv * (2 * random.nextDouble() - 1))));
            }
        }
        return out;
    }
}
