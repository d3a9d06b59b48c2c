package dev.cvbench.reports.html;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Ratio;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.reports.view.Numbers;
import dev.cvbench.reports.view.ReportModel;
import dev.cvbench.reports.view.ReportModel.MetricGroup;
import dev.cvbench.reports.view.ReportModel.Row;
import dev.cvbench.reports.view.ReportModel.Workload;
import dev.cvbench.reports.view.SandboxStyle;
import java.util.ArrayList;
import java.util.List;

/**
 * "Overhead at a glance": one line per (workload, metric, variant), one column per sandbox other than
 * the host, each cell the ratio to host. The question the whole run answers, in one table.
 */
final class OverviewSection {
    private OverviewSection() {}

    static void write(Html h, ReportModel model) {
        List<String> sandboxes = new ArrayList<>();
        boolean anyRatio = false;
        for (Workload w : model.workloads()) {
            for (MetricGroup g : w.metrics()) {
                for (Row r : g.rows()) {
                    if (!isHost(r) && !sandboxes.contains(r.sandbox())) {
                        sandboxes.add(r.sandbox());
                    }
                    anyRatio |= r.series().ratioToHost() != null;
                }
            }
        }
        if (!anyRatio) {
            return;
        }
        h.raw("<section class=\"overview\">\n").element("h3", "", "Overhead at a glance: ratio to host")
                .raw("<table class=\"glance\">\n<thead><tr><th>Workload</th><th>Metric</th>");
        for (String s : sandboxes) {
            h.raw("<th class=\"num\">");
            HtmlReport.swatch(h, s);
            h.text(s);
            if (emulated(model, s)) {
                h.element("span", "badge emulated", SandboxStyle.EMULATED_MARK);
            }
            h.raw("</th>");
        }
        h.raw("</tr></thead>\n<tbody>\n");
        for (Workload w : model.workloads()) {
            for (MetricGroup g : w.metrics()) {
                for (String variant : g.variants()) {
                    if (hasRatio(g, variant, sandboxes)) {
                        line(h, g, variant, sandboxes);
                    }
                }
            }
        }
        h.raw("</tbody>\n</table>\n</section>\n");
    }

    /** Metrics only some sandboxes have (a VM's boot phases) have no host baseline: they add only dashes here. */
    private static boolean hasRatio(MetricGroup g, String variant, List<String> sandboxes) {
        for (String s : sandboxes) {
            Row r = g.row(s, variant);
            if (r != null && r.series().ratioToHost() != null) {
                return true;
            }
        }
        return false;
    }

    private static void line(Html h, MetricGroup g, String variant, List<String> sandboxes) {
        Direction direction = g.metric().direction();
        h.raw("<tr><td><a href=\"#w-" + WorkloadSection.slug(g.workload()) + "\">").text(g.workload()).raw("</a></td>")
                .raw("<td>").text(g.metric().name() + (direction == Direction.HIGHER_IS_BETTER ? " ↑" : " ↓"));
        if (!variant.isEmpty()) {
            h.element("span", "fact", variant);
        }
        h.raw("</td>");
        for (String s : sandboxes) {
            Row r = g.row(s, variant);
            Ratio ratio = r == null ? null : r.series().ratioToHost();
            if (ratio == null) {
                h.element("td", "num muted", "–");
                continue;
            }
            h.raw("<td class=\"num\">").element("span", WorkloadSection.judgement(ratio, direction),
                    Numbers.ratio(ratio.value()));
            if (ratio.ciLow() != null) {
                h.element("span", "ci",
                        "[" + Numbers.threeDigits(ratio.ciLow()) + ", " + Numbers.threeDigits(ratio.ciHigh()) + "]");
            }
            h.raw("</td>");
        }
        h.raw("</tr>\n");
    }

    private static boolean isHost(Row r) {
        return SandboxKind.HOST.id().equals(r.sandbox());
    }

    private static boolean emulated(ReportModel model, String sandbox) {
        return model.workloads().stream().flatMap(w -> w.metrics().stream()).flatMap(g -> g.rows().stream())
                .anyMatch(r -> r.sandbox().equals(sandbox) && r.emulated());
    }
}
