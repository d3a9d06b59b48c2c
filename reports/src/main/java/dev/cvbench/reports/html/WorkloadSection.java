package dev.cvbench.reports.html;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.Ratio;
import dev.cvbench.core.result.Summary;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.reports.ChartRenderException;
import dev.cvbench.reports.view.Numbers;
import dev.cvbench.reports.view.PhaseTimeline;
import dev.cvbench.reports.view.ReportModel;
import dev.cvbench.reports.view.ReportModel.MetricGroup;
import dev.cvbench.reports.view.ReportModel.Row;
import dev.cvbench.reports.view.ReportModel.Workload;
import dev.cvbench.reports.view.SandboxStyle;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** One workload's section of the HTML report: charts, the table of every series, and the outcomes. */
final class WorkloadSection {
    private final Html h;
    private int charts;

    WorkloadSection(Html h) {
        this.h = h;
    }

    void write(Workload w) throws ChartRenderException {
        h.raw("<section class=\"workload\" id=\"w-" + slug(w.name()) + "\">\n")
                .element("h2", "", w.name());
        if (!w.commonParameters().isEmpty()) {
            h.raw("<p class=\"meta\">parameters ");
            HtmlReport.facts(h, w.commonParameters());
            h.raw("</p>\n");
        }
        if (!w.metrics().isEmpty()) {
            Optional<PhaseTimeline> timeline = PhaseTimeline.of(w);
            if (timeline.isPresent()) {
                timeline(timeline.get(), w.name());
            }
            charts(w.metrics().stream().filter(g -> !PhaseTimeline.isPhaseMetric(g.metric().name())).toList());
            List<MetricGroup> phases = w.metrics().stream()
                    .filter(g -> PhaseTimeline.isPhaseMetric(g.metric().name())).toList();
            if (!phases.isEmpty()) {
                h.raw("<details class=\"phases\"><summary>").text("per-phase charts (" + phases.size() + ")")
                        .raw("</summary>\n");
                charts(phases);
                h.raw("</details>\n");
            }
            table(w);
        }
        outcomes(w);
        h.raw("</section>\n");
    }

    private void charts(List<MetricGroup> groups) throws ChartRenderException {
        if (groups.stream().allMatch(g -> ChartSvg.summarised(g).isEmpty())) {
            return;
        }
        h.raw("<div class=\"charts\">\n");
        for (MetricGroup g : groups) {
            if (!ChartSvg.summarised(g).isEmpty()) {
                figure(g);
            }
        }
        h.raw("</div>\n");
    }

    /** The phase timeline across the page's width, with a key of phase colors. */
    private void timeline(PhaseTimeline t, String workload) throws ChartRenderException {
        h.raw("<figure class=\"timeline\">\n<figcaption>").text("phase timeline");
        h.element("span", "desc", "median offset of each phase after the launch request; "
                + "each segment ends in the phase it is named after; each strip scaled to its own total");
        h.raw("</figcaption>\n").raw(TimelineSvg.render(t, workload, "timeline-" + (++charts))).raw("\n");
        h.raw("<div class=\"key\">");
        for (String phase : t.phases()) {
            h.raw("<span class=\"phase\"><span class=\"swatch\" style=\"background:"
                    + css(TimelineSvg.color(t, phase)) + "\"></span>").text(phase).raw("</span>");
        }
        String emulated = t.lanes().stream().filter(PhaseTimeline.Lane::emulated).map(PhaseTimeline.Lane::sandbox)
                .collect(Collectors.joining(", "));
        if (!emulated.isEmpty()) {
            h.element("span", "badge emulated", emulated + ": " + SandboxStyle.EMULATED_MARK);
        }
        h.raw("</div>\n</figure>\n");
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private void figure(MetricGroup g) throws ChartRenderException {
        h.raw("<figure>\n<figcaption>").text(g.metric().name());
        if (!g.metric().description().isEmpty()) {
            h.element("span", "desc", g.metric().description());
        }
        h.raw("</figcaption>\n").raw(ChartSvg.render(g, "chart-" + (++charts))).raw("\n");
        h.raw("<div class=\"key\">").text("bar: median · whisker: 95% CI of the mean · dots: samples");
        String emulated = g.rows().stream().filter(Row::emulated).map(Row::sandbox).distinct()
                .collect(Collectors.joining(", "));
        if (!emulated.isEmpty()) {
            h.element("span", "badge emulated", emulated + ": " + SandboxStyle.EMULATED_MARK);
        }
        h.raw("</div>\n</figure>\n");
    }

    private void table(Workload w) {
        boolean variants = w.metrics().stream().flatMap(g -> g.rows().stream()).anyMatch(r -> !r.variant().isEmpty());
        boolean tails = ReportModel.hasPercentiles(w);
        int columns = 7 + (variants ? 1 : 0) + (tails ? 1 : 0);
        h.raw("<table class=\"numbers\">\n<thead><tr><th>Sandbox</th>").raw(variants ? "<th>Variant</th>" : "")
                .raw("<th class=\"num\">Median</th><th class=\"num\">Best</th><th class=\"num\">Mean ± 95% CI</th>")
                .raw("<th class=\"num\">CV</th><th class=\"num\">n</th><th class=\"num\">Ratio to host (95% CI)</th>")
                .raw(tails ? "<th class=\"num\">Tail latency</th>" : "").raw("</tr></thead>\n<tbody>\n");
        for (MetricGroup g : w.metrics()) {
            h.raw("<tr class=\"metric\"><th colspan=\"" + columns + "\">").text(g.metric().name())
                    .raw("<span class=\"unit\">").text(g.metric().unit() + ", "
                            + (g.metric().direction() == Direction.HIGHER_IS_BETTER ? "higher" : "lower")
                            + " is better").raw("</span></th></tr>\n");
            for (Row r : g.rows()) {
                row(r, variants, tails, g.metric().direction());
            }
        }
        h.raw("</tbody>\n</table>\n");
    }

    private void row(Row r, boolean variants, boolean tails, Direction direction) {
        Summary s = r.series().summary();
        h.raw("<tr><td>");
        HtmlReport.swatch(h, r.sandbox());
        h.text(r.sandbox());
        if (r.emulated()) {
            h.element("span", "badge emulated", SandboxStyle.EMULATED_MARK);
        }
        h.raw("</td>");
        if (variants) {
            h.element("td", "", r.variant());
        }
        if (s == null) {
            h.raw("<td class=\"num muted\" colspan=\"" + (tails ? 7 : 6) + "\">no samples</td></tr>\n");
            return;
        }
        h.element("td", "num", Numbers.format(s.median())).element("td", "num", Numbers.format(s.best()));
        Double half = s.ciHigh() == null ? null : (s.ciHigh() - s.ciLow()) / 2;
        h.element("td", "num", Numbers.plusMinus(s.mean(), half)).element("td", "num", Numbers.percent(s.cv()))
                .element("td", "num", Integer.toString(s.n()));
        ratio(r, direction);
        if (tails) {
            String t = r.tailPercentiles();
            h.element("td", t.isEmpty() ? "num muted" : "num small", t.isEmpty() ? "–" : t);
        }
        h.raw("</tr>\n");
    }

    private void ratio(Row r, Direction direction) {
        Ratio ratio = r.series().ratioToHost();
        if (SandboxKind.HOST.id().equals(r.sandbox())) {
            h.element("td", "num muted", "baseline");
            return;
        }
        if (ratio == null) {
            h.element("td", "num muted", "–");
            return;
        }
        h.raw("<td class=\"num\">").element("span", judgement(ratio, direction), Numbers.ratio(ratio.value()));
        if (ratio.ciLow() != null) {
            h.element("span", "ci",
                    "[" + Numbers.threeDigits(ratio.ciLow()) + ", " + Numbers.threeDigits(ratio.ciHigh()) + "]");
        }
        h.raw("</td>");
    }

    /** "better"/"worse" when the whole interval is on one side of 1, in the metric's direction. */
    static String judgement(Ratio ratio, Direction direction) {
        if (ratio.ciLow() == null) {
            return "";
        }
        boolean above = ratio.ciLow() > 1;
        boolean below = ratio.ciHigh() < 1;
        if (!above && !below) {
            return "";
        }
        return above == (direction == Direction.HIGHER_IS_BETTER) ? "better" : "worse";
    }

    private void outcomes(Workload w) {
        if (w.outcomes().isEmpty()) {
            return;
        }
        h.raw("<div class=\"outcomes\">\n").element("h3", "", "Skipped and failed");
        for (Outcome o : w.outcomes()) {
            String status = o.status().toLowerCase(Locale.ROOT);
            h.raw("<div class=\"outcome\">");
            HtmlReport.swatch(h, o.sandbox());
            h.text(o.sandbox()).element("span", "badge " + (Outcome.FAILED.equals(status) ? "failed" : "skipped"), status)
                    .element("span", "reason", o.reason());
            if (!o.lastLines().isEmpty()) {
                h.raw("<details><summary>").text("last " + o.lastLines().size() + " lines of output").raw("</summary>")
                        .raw("<pre>").text(String.join("\n", o.lastLines())).raw("</pre></details>");
            }
            h.raw("</div>\n");
        }
        h.raw("</div>\n");
    }

    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
