package dev.cvbench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.RunInfo;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.Sample;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final Metric TRIAD = Metric.higher("triad_gb_per_s", "GB/s", "");
    private static final Metric BOOT = Metric.lower("boot_time_ms", "ms", "");

    @Test
    void fillsSummariesAndMatchesHostByWorkloadParametersMetricAndTags() {
        RunResult run = run(List.of(
                series("stream", "host", TRIAD, Map.of("kernel", "triad"), 10, 10, 10),
                series("stream", "host", TRIAD, Map.of("kernel", "copy"), 20, 20, 20),
                series("stream", "vm", TRIAD, Map.of("kernel", "triad", "domain_type", "qemu"), 5, 5, 5),
                series("stream", "vm", TRIAD, Map.of("kernel", "copy", "domain_type", "qemu"), 5, 5, 5),
                series("stream", "container", TRIAD, Map.of("kernel", "triad", "runtime_version", "0.1"), 9, 9, 9),
                series("boot", "vm", BOOT, Map.of(), 900, 1000, 1100)));

        List<Series> out = Analysis.complete(run).results();

        assertThat(out).allSatisfy(s -> assertThat(s.summary()).isNotNull());
        assertThat(out.get(0).ratioToHost()).as("host has no ratio to itself").isNull();
        assertThat(out.get(2).ratioToHost().value()).isEqualTo(0.5);
        assertThat(out.get(3).ratioToHost().value()).isEqualTo(0.25);
        assertThat(out.get(4).ratioToHost().value()).isEqualTo(0.9);
        assertThat(out.get(5).ratioToHost()).as("no host series for boot").isNull();
        assertThat(out.get(5).summary().percentiles()).containsKey("p99");
    }

    @Test
    void differentParametersAreNotCompared() {
        Series host = series("net", "host", BOOT, Map.of(), 1, 1);
        Series vm = new Series("net", "vm", Map.of("size", "64k"), BOOT, Map.of(), host.samples(), null, null);
        assertThat(Analysis.complete(run(List.of(host, vm))).results().get(1).ratioToHost()).isNull();
    }

    @Test
    void seriesWithoutSamplesKeepNoSummary() {
        Series host = series("boot", "host", BOOT, Map.of(), 1, 2);
        Series empty = series("boot", "vm", BOOT, Map.of());
        List<Series> out = Analysis.complete(run(List.of(host, empty))).results();
        assertThat(out.get(1).summary()).isNull();
        assertThat(out.get(1).ratioToHost()).isNull();
    }

    @Test
    void sandboxFactsAreNotTags() {
        Series s = series("stream", "vm", TRIAD, Map.of("kernel", "triad", "cpu_model", "EPYC", "emulated", "true"), 1);
        assertThat(Analysis.tagsOf(s, Map.of("cpu_model", "EPYC"))).containsExactly(Map.entry("kernel", "triad"));
    }

    @Test
    void isReproducibleAndIndependentOfSeriesOrder() {
        Series host = series("boot", "host", BOOT, Map.of(), 10, 12, 11, 13, 9);
        Series vm = series("boot", "vm", BOOT, Map.of(), 100, 120, 110, 130, 90);
        Series ct = series("boot", "container", BOOT, Map.of(), 20, 22, 21, 23, 19);
        List<Series> a = Analysis.complete(run(List.of(host, vm, ct))).results();
        List<Series> b = Analysis.complete(run(List.of(ct, vm, host))).results();
        assertThat(a.get(1)).isEqualTo(b.get(1));
        assertThat(a.get(2)).isEqualTo(b.get(0));
        assertThat(a.get(1).ratioToHost().ciLow()).isNotNull();
    }

    static Series series(String workload, String sandbox, Metric metric, Map<String, String> facts, double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(i, 0, values[i]));
        }
        return new Series(workload, sandbox, Map.of(), metric, facts, samples, null, null);
    }

    static RunResult run(List<Series> series) {
        RunInfo info = new RunInfo("20261127T000000Z", "0.1.0", "test", "2026-11-27T00:00:00Z",
                "2026-11-27T00:01:00Z", 3, 0, List.of("host", "vm"), List.of("stream"), Map.of());
        List<SandboxInfo> sandboxes = List.of(
                new SandboxInfo("host", true, "", Map.of()),
                new SandboxInfo("vm", true, "", Map.of("domain_type", "qemu")));
        return new RunResult(RunResult.SCHEMA, info, null, sandboxes, series, List.of());
    }
}
