package dev.cvbench.reports.demo;

import dev.cvbench.core.result.Environment;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.RunInfo;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.Sample;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded, plausible run results for tests and the demo report: host, container, an emulated VM,
 * crun, and an unavailable runc; boot times, STREAM kernels (a tag per kernel), a latency with
 * enough samples for percentiles; one skipped and one failed outcome. Summaries are left empty for
 * {@code Analysis} to fill. The numbers are synthetic: shaped like real ones, measured nowhere.
 */
public final class SampleRuns {
    private SampleRuns() {}

    public static RunResult demo(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Gen gen = new Gen(random);
        Metric boot = Metric.lower("boot_time_ms", "ms", "launch to agent ready");
        Metric memory = Metric.lower("memory_footprint_kb", "kB", "resident memory of one idle instance");
        Metric bandwidth = Metric.higher("bandwidth_gb_per_s", "GB/s", "STREAM, 1 thread");
        Metric rtt = Metric.lower("tcp_rtt_us", "us", "TCP ping-pong round trip, 64 B");

        gen.series("boot", "host", boot, Map.of(), 5, 1, 48, 0.05);
        gen.series("boot", "container", boot, Map.of(), 5, 1, 112, 0.07);
        gen.series("boot", "crun", boot, Map.of(), 5, 1, 86, 0.06);
        gen.series("boot", "vm", boot, emulated(), 5, 1, 5400, 0.04);
        gen.series("boot", "host", memory, Map.of(), 5, 1, 1420, 0.01);
        gen.series("boot", "container", memory, Map.of(), 5, 1, 1510, 0.01);
        gen.series("boot", "crun", memory, Map.of(), 5, 1, 1490, 0.01);
        gen.series("boot", "vm", memory, emulated(), 5, 1, 148_000, 0.02);
        double[] kernels = {11.8, 11.4, 12.6, 12.9};
        String[] names = {"copy", "scale", "add", "triad"};
        for (int k = 0; k < names.length; k++) {
            Map<String, String> tag = Map.of("kernel", names[k]);
            gen.series("stream", "host", bandwidth, tag, 3, 5, kernels[k], 0.015);
            gen.series("stream", "container", bandwidth, tag, 3, 5, kernels[k] * 0.99, 0.015);
            Map<String, String> vmFacts = new HashMap<>(emulated());
            vmFacts.put("kernel", names[k]);
            gen.series("stream", "vm", bandwidth, vmFacts, 3, 5, kernels[k] * 0.21, 0.04);
        }
        gen.latency("net", "host", rtt, Map.of(), 18);
        gen.latency("net", "container", rtt, Map.of(), 24);
        gen.latency("net", "vm", rtt, emulated(), 310);

        RunInfo info = new RunInfo("20261127T234512Z", "0.1.0-SNAPSHOT", "default", "2026-11-27T23:45:12Z",
                "2026-11-27T23:58:03Z", 5, 1, List.of("host", "container", "vm", "runc", "crun"),
                List.of("boot", "stream", "net", "ipc"), Map.of("timeout", "PT120S", "cpus", "1", "memory", "512M"));
        Environment env = new Environment("bench-01", "AMD EPYC 7B13 64-Core Processor", 2, 25_769_803_776L,
                "6.1.0-28-amd64", "Debian GNU/Linux 12 (bookworm)", "hybrid", false,
                "OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1",
                Map.of("qemu", "7.2.15", "libvirt", "9.0.0", "crun", "1.8.1", "runc", "absent", "gcc", "12.2.0"));
        List<SandboxInfo> sandboxes = List.of(
                new SandboxInfo("host", true, "", Map.of()),
                new SandboxInfo("container", true, "", Map.of("cgroup", "v1", "runtime", "cvbench")),
                new SandboxInfo("vm", true, "", emulated()),
                new SandboxInfo("runc", false, "runc not found on PATH (apt-get install runc)", Map.of()),
                new SandboxInfo("crun", true, "", Map.of("runtime_version", "1.8.1")));
        List<Outcome> outcomes = List.of(
                Outcome.skipped("ipc", "vm", "needs capability SHARED_IPC: VMs cannot share an IPC namespace"),
                Outcome.skipped("ipc", "host", "needs two instances in one IPC namespace; run with --runtimes container"),
                Outcome.failed("stream", "crun", "agent exited with code 137 after 31.2 s (OOM kill?)",
                        List.of("[cvbench] stream: array size 80000000 x 3 doubles = 1831 MiB",
                                "[cvbench] stream: warming up", "Killed")));
        return new RunResult(RunResult.SCHEMA, info, env, sandboxes, gen.series, outcomes);
    }

    private static Map<String, String> emulated() {
        return Map.of("domain_type", "qemu", "emulated", "true");
    }

    /** Draws samples around a center with relative noise, with the slow tail benchmarks have. */
    private static final class Gen {
        final SplittableRandom random;
        final List<Series> series = new ArrayList<>();

        Gen(SplittableRandom random) {
            this.random = random;
        }

        void series(String workload, String sandbox, Metric metric, Map<String, String> facts, int reps, int iters,
                double center, double cv) {
            List<Sample> samples = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < iters; i++) {
                    double noise = gaussian() * cv;
                    double tail = random.nextDouble() < 0.1 ? Math.abs(gaussian()) * cv * 3 : 0;
                    double slower = metric.direction() == dev.cvbench.core.result.Direction.LOWER_IS_BETTER ? tail : -tail;
                    samples.add(new Sample(r, i, center * (1 + noise + slower)));
                }
            }
            series.add(new Series(workload, sandbox, Map.of("size", "64"), metric, facts, samples, null, null));
        }

        void latency(String workload, String sandbox, Metric metric, Map<String, String> facts, double median) {
            List<Sample> samples = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                for (int i = 0; i < 400; i++) {
                    samples.add(new Sample(r, i, median * Math.exp(0.15 * gaussian())));
                }
            }
            series.add(new Series(workload, sandbox, Map.of("size", "64"), metric, facts, samples, null, null));
        }

        double gaussian() {
            return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        }
    }
}
