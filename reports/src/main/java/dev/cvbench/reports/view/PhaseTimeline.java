package dev.cvbench.reports.view;

import dev.cvbench.reports.view.ReportModel.MetricGroup;
import dev.cvbench.reports.view.ReportModel.Row;
import dev.cvbench.reports.view.ReportModel.Workload;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the time of a launch goes, per sandbox: the {@code phase_<name>_ms} series of a workload (each
 * the offset of one phase after the launch request) arranged as one lane per sandbox of consecutive
 * segments.
 *
 * <p>Worked example: a container with median offsets {@code created 24}, {@code process_started 24.4},
 * {@code first_output 93.7} and {@code boot_time_ms 100.1} becomes the lane
 * {@code [0, 24) created, [24, 24.4) process_started, [24.4, 93.7) first_output, [93.7, 100.1) exited}:
 * each segment is named after the phase it <em>ends</em> in, the offsets are sorted by their medians
 * (medians of different phases need not come in the order the phases happen in every run), and the
 * end of the launched command ({@code boot_time_ms}) is the phase {@value #EXITED}, which wins a tie. Phases observed
 * after the exit (a VM's domain going away) stay in the lane after it. Zero-length segments are dropped.
 *
 * @param lanes one lane per sandbox with at least one phase, in the report's sandbox order
 * @param phases every phase name in a stable order (for a consistent color per phase across lanes)
 */
public record PhaseTimeline(List<Lane> lanes, List<String> phases) {
    /** The name of the last phase: the launched command exited ({@code boot_time_ms}). */
    public static final String EXITED = "exited";
    /** The metric that marks the exit, when the workload has it. */
    public static final String EXIT_METRIC = "boot_time_ms";
    private static final Pattern PHASE = Pattern.compile("phase_(.+)_ms");

    /** One sandbox's row: segments from the launch request (0) to {@link #total()}. */
    public record Lane(String sandbox, boolean emulated, List<Segment> segments) {
        /** The end of the last segment, in ms after the launch request. */
        public double total() {
            return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).end();
        }
    }

    /** The span from the previous phase's median offset to this phase's, in ms after the launch request. */
    public record Segment(String phase, double start, double end) {
        public double length() {
            return end - start;
        }
    }

    /** True when the metric name is a phase offset ({@code phase_qemu_up_ms}). */
    public static boolean isPhaseMetric(String metric) {
        return PHASE.matcher(metric).matches();
    }

    /** The timeline of a workload, empty when none of its metrics is a phase offset. */
    public static Optional<PhaseTimeline> of(Workload w) {
        Map<String, Map<String, Double>> offsets = new LinkedHashMap<>(); // sandbox -> phase -> median
        Map<String, Boolean> emulated = new LinkedHashMap<>();
        boolean anyPhase = false;
        List<MetricGroup> groups = new ArrayList<>(w.metrics());
        groups.sort(Comparator.comparing((MetricGroup g) -> !g.metric().name().equals(EXIT_METRIC)));
        for (MetricGroup g : groups) {
            Matcher m = PHASE.matcher(g.metric().name());
            boolean exit = g.metric().name().equals(EXIT_METRIC);
            if (!m.matches() && !exit) {
                continue;
            }
            anyPhase |= m.matches();
            String phase = exit ? EXITED : m.group(1);
            for (String sandbox : g.sandboxes()) {
                Row r = firstSummarised(g, sandbox);
                if (r != null) {
                    offsets.computeIfAbsent(sandbox, k -> new LinkedHashMap<>()).put(phase, r.series().summary().median());
                    emulated.merge(sandbox, r.emulated(), Boolean::logicalOr);
                }
            }
        }
        if (!anyPhase) {
            return Optional.empty();
        }
        List<Lane> lanes = new ArrayList<>();
        offsets.forEach((sandbox, phases) -> {
            if (phases.size() > 1 || !phases.containsKey(EXITED)) {
                lanes.add(new Lane(sandbox, emulated.get(sandbox), segments(phases)));
            }
        });
        return lanes.isEmpty() ? Optional.empty() : Optional.of(new PhaseTimeline(List.copyOf(lanes), order(lanes)));
    }

    /** The first row of a sandbox with a summary (variants of a phase are not expected; the first wins). */
    private static Row firstSummarised(MetricGroup g, String sandbox) {
        return g.rows().stream().filter(r -> r.sandbox().equals(sandbox) && r.series().summary() != null)
                .findFirst().orElse(null);
    }

    private static List<Segment> segments(Map<String, Double> phases) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(phases.entrySet());
        // stable: equal medians keep their first-seen order, and the exit comes first in the map (see of()),
        // so a phase that coincides with the exit (a VM's command_done) yields to "exited" in every lane
        sorted.sort(Map.Entry.comparingByValue());
        List<Segment> segments = new ArrayList<>();
        double at = 0;
        for (Map.Entry<String, Double> e : sorted) {
            if (e.getValue() > at) {
                segments.add(new Segment(e.getKey(), at, e.getValue()));
                at = e.getValue();
            }
        }
        return List.copyOf(segments);
    }

    /** Phases of the lane with the most segments first, then new ones of the other lanes, {@value #EXITED} last. */
    private static List<String> order(List<Lane> lanes) {
        List<String> order = new ArrayList<>();
        lanes.stream().sorted(Comparator.comparingInt((Lane l) -> -l.segments().size()))
                .flatMap(l -> l.segments().stream()).map(Segment::phase)
                .filter(p -> !p.equals(EXITED)).forEach(p -> {
                    if (!order.contains(p)) {
                        order.add(p);
                    }
                });
        if (lanes.stream().flatMap(l -> l.segments().stream()).anyMatch(s -> s.phase().equals(EXITED))) {
            order.add(EXITED);
        }
        return List.copyOf(order);
    }
}
