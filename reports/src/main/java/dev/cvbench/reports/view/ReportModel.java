package dev.cvbench.reports.view;

import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.core.result.Summary;
import dev.cvbench.reports.stats.Analysis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run result arranged the way every report presents it: per workload, per metric, one row per
 * (sandbox, variant), in a stable order (workloads as the run lists them, sandboxes as the run lists
 * them, metrics and variants as they first appear). Renderers only format this; they decide nothing.
 *
 * <p>A <em>variant</em> is what tells two series of the same workload, sandbox and metric apart: the
 * parameters that differ between the workload's series, and the measurement tags
 * ({@code kernel=triad}). Parameters every series shares are shown once, per workload.
 *
 * @param result the run, with summaries and ratios filled (computed here when the file had none)
 * @param workloads one entry per workload that has series or outcomes
 * @param anyEmulated true when some numbers were measured under CPU emulation
 */
public record ReportModel(RunResult result, List<Workload> workloads, boolean anyEmulated) {

    /** One workload's section. */
    public record Workload(String name, Map<String, String> commonParameters, List<MetricGroup> metrics,
            List<Outcome> outcomes) {}

    /** One metric of one workload: one chart and a block of table rows. */
    public record MetricGroup(String workload, Metric metric, List<String> sandboxes, List<String> variants,
            List<Row> rows) {
        /** The row of a sandbox and variant, or null when that combination has no series. */
        public Row row(String sandbox, String variant) {
            return rows.stream().filter(r -> r.sandbox().equals(sandbox) && r.variant().equals(variant))
                    .findFirst().orElse(null);
        }
    }

    /** One series as a row. */
    public record Row(Series series, String sandbox, String variant, boolean emulated) {
        /** Fewer samples than this and p99 is just the maximum: reports show no percentiles then. */
        public static final int MIN_SAMPLES_FOR_PERCENTILES = 100;

        /** "p90 a / p99 b / p99.9 c" when the series has latency percentiles from enough samples, else empty. */
        public String tailPercentiles() {
            Summary s = series.summary();
            if (s == null || s.n() < MIN_SAMPLES_FOR_PERCENTILES || s.percentiles().isEmpty()) {
                return "";
            }
            return Stream.of("p90", "p99", "p99.9").filter(s.percentiles()::containsKey)
                    .map(k -> k + " " + Numbers.format(s.percentiles().get(k))).collect(Collectors.joining(" / "));
        }
    }

    /** True when some row of the workload has {@link Row#tailPercentiles()} to show. */
    public static boolean hasPercentiles(Workload w) {
        return w.metrics().stream().flatMap(g -> g.rows().stream()).anyMatch(r -> !r.tailPercentiles().isEmpty());
    }

    /** Arranges a result; series without a summary get one (and their ratio) through {@link Analysis}. */
    public static ReportModel of(RunResult result) {
        boolean missing = result.results().stream().anyMatch(s -> s.summary() == null && !s.samples().isEmpty());
        RunResult complete = missing ? Analysis.complete(result) : result;
        Map<String, SandboxInfo> sandboxes = new HashMap<>();
        complete.sandboxes().forEach(s -> sandboxes.put(s.kind(), s));
        List<String> sandboxOrder = new ArrayList<>(complete.sandboxes().stream().map(SandboxInfo::kind).toList());

        List<Workload> workloads = new ArrayList<>();
        for (String name : workloadOrder(complete)) {
            List<Series> series = complete.results().stream().filter(s -> s.workload().equals(name)).toList();
            List<Outcome> outcomes = complete.outcomes().stream().filter(o -> o.workload().equals(name)).toList();
            workloads.add(workload(name, series, outcomes, sandboxes, sandboxOrder));
        }
        boolean emulated = workloads.stream().flatMap(w -> w.metrics().stream()).flatMap(m -> m.rows().stream())
                .anyMatch(Row::emulated)
                || complete.sandboxes().stream().anyMatch(s -> s.available() && SandboxStyle.isEmulated(s.facts()));
        return new ReportModel(complete, workloads, emulated);
    }

    private static Set<String> workloadOrder(RunResult r) {
        Set<String> order = new LinkedHashSet<>(r.run() == null ? List.of() : r.run().workloads());
        r.results().forEach(s -> order.add(s.workload()));
        r.outcomes().forEach(o -> order.add(o.workload()));
        order.removeIf(w -> r.results().stream().noneMatch(s -> s.workload().equals(w))
                && r.outcomes().stream().noneMatch(o -> o.workload().equals(w)));
        return order;
    }

    private static Workload workload(String name, List<Series> series, List<Outcome> outcomes,
            Map<String, SandboxInfo> sandboxes, List<String> sandboxOrder) {
        Map<String, String> common = commonParameters(series);
        Map<String, List<Row>> byMetric = new LinkedHashMap<>();
        Map<String, Metric> metrics = new HashMap<>();
        for (Series s : series) {
            SandboxInfo info = sandboxes.get(s.sandbox());
            Map<String, String> sandboxFacts = info == null ? Map.of() : info.facts();
            Map<String, String> variant = new TreeMap<>(s.parameters());
            variant.keySet().removeAll(common.keySet());
            variant.putAll(Analysis.tagsOf(s, sandboxFacts));
            String label = variant.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            boolean emulated = SandboxStyle.isEmulated(s.facts()) || SandboxStyle.isEmulated(sandboxFacts);
            byMetric.computeIfAbsent(s.metric().name(), k -> new ArrayList<>())
                    .add(new Row(s, s.sandbox(), label, emulated));
            metrics.putIfAbsent(s.metric().name(), s.metric());
        }
        List<MetricGroup> groups = new ArrayList<>();
        byMetric.forEach((metric, rows) -> groups.add(group(name, metrics.get(metric), rows, sandboxOrder)));
        return new Workload(name, common, groups, outcomes);
    }

    private static MetricGroup group(String workload, Metric metric, List<Row> rows, List<String> sandboxOrder) {
        List<String> sandboxes = new ArrayList<>(sandboxOrder);
        rows.forEach(r -> {
            if (!sandboxes.contains(r.sandbox())) {
                sandboxes.add(r.sandbox());
            }
        });
        sandboxes.removeIf(s -> rows.stream().noneMatch(r -> r.sandbox().equals(s)));
        List<String> variants = rows.stream().map(Row::variant).distinct().toList();
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt((Row r) -> variants.indexOf(r.variant()))
                .thenComparingInt(r -> sandboxes.indexOf(r.sandbox())));
        return new MetricGroup(workload, metric, List.copyOf(sandboxes), variants, List.copyOf(sorted));
    }

    private static Map<String, String> commonParameters(List<Series> series) {
        if (series.isEmpty()) {
            return Map.of();
        }
        Map<String, String> common = new TreeMap<>(series.get(0).parameters());
        for (Series s : series) {
            common.entrySet().removeIf(e -> !e.getValue().equals(s.parameters().get(e.getKey())));
        }
        return common;
    }
}
