package dev.cvbench.reports.format;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Environment;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.Ratio;
import dev.cvbench.core.result.RunInfo;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Summary;
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
 * {@link ReportFormat#MARKDOWN}: the run in a few lines and one table per workload (GitHub-flavoured
 * Markdown, readable as plain text too). Numbers as in the HTML report; no charts.
 */
final class MarkdownRenderer implements ReportRenderer {
    @Override
    public ReportFormat format() {
        return ReportFormat.MARKDOWN;
    }

    @Override
    public String render(RunResult result) {
        ReportModel model = ReportModel.of(result);
        StringBuilder md = new StringBuilder(8 * 1024);
        header(md, model.result().run(), model.result().environment());
        if (model.anyEmulated()) {
            md.append("> **Emulated (TCG):** some VMs ran without hardware virtualisation; their numbers measure "
                    + "QEMU's CPU emulation, not KVM.\n\n");
        }
        sandboxes(md, model.result().sandboxes());
        for (Workload w : model.workloads()) {
            workload(md, w);
        }
        return md.toString();
    }

    private static void header(StringBuilder md, RunInfo run, Environment env) {
        md.append("# cvbench report");
        if (run != null) {
            md.append(": suite ").append(cell(run.suite())).append(", run ").append(cell(run.id()));
        }
        md.append("\n\n");
        List<String> facts = new ArrayList<>();
        if (run != null) {
            facts.add("started " + cell(run.started()));
            facts.add(run.repetitions() + " repetitions (+" + run.warmup() + " warm-up)");
        }
        if (env != null) {
            facts.add(cell(env.cpuModel()) + " (" + env.cores() + " cores)");
            facts.add("kernel " + cell(env.kernel()));
            facts.add("cgroup " + cell(env.cgroup()));
            facts.add("KVM " + (env.kvmAvailable() ? "yes" : "no"));
        }
        if (!facts.isEmpty()) {
            md.append(String.join(" · ", facts)).append("\n\n");
        }
    }

    private static void sandboxes(StringBuilder md, List<SandboxInfo> sandboxes) {
        List<String> parts = new ArrayList<>();
        for (SandboxInfo s : sandboxes) {
            String state = s.available()
                    ? (SandboxStyle.isEmulated(s.facts()) ? "available, " + SandboxStyle.EMULATED_MARK : "available")
                    : "not available: " + s.reason();
            parts.add("**" + cell(s.kind()) + "** " + cell(state));
        }
        if (!parts.isEmpty()) {
            md.append("Sandboxes: ").append(String.join(" · ", parts)).append("\n\n");
        }
    }

    private static void workload(StringBuilder md, Workload w) {
        md.append("## ").append(cell(w.name())).append("\n\n");
        if (!w.commonParameters().isEmpty()) {
            List<String> ps = new ArrayList<>();
            w.commonParameters().forEach((k, v) -> ps.add(k + "=" + v));
            md.append("parameters: ").append(cell(String.join(", ", ps))).append("\n\n");
        }
        if (!w.metrics().isEmpty()) {
            boolean tails = ReportModel.hasPercentiles(w);
            md.append("| sandbox | metric | median | best | mean ± 95% CI | CV | n | ratio to host (95% CI) |")
                    .append(tails ? " tail |\n" : "\n").append("|---|---|--:|--:|--:|--:|--:|--:|")
                    .append(tails ? "--:|\n" : "\n");
            for (MetricGroup g : w.metrics()) {
                for (Row r : g.rows()) {
                    row(md, g, r, tails);
                }
            }
            md.append('\n');
        }
        for (Outcome o : w.outcomes()) {
            md.append("- **").append(cell(o.sandbox())).append("** ").append(cell(o.status())).append(": ")
                    .append(cell(o.reason()));
            if (!o.lastLines().isEmpty()) {
                md.append(" (last line: `").append(o.lastLines().get(o.lastLines().size() - 1).replace('`', '\''))
                        .append("`)");
            }
            md.append('\n');
        }
        if (!w.outcomes().isEmpty()) {
            md.append('\n');
        }
    }

    private static void row(StringBuilder md, MetricGroup g, Row r, boolean tails) {
        String sandbox = r.sandbox() + (r.emulated() ? " [" + SandboxStyle.EMULATED_MARK + "]" : "");
        String metric = g.metric().name() + " (" + g.metric().unit() + (g.metric().direction()
                == Direction.HIGHER_IS_BETTER ? " ↑" : " ↓") + ")" + (r.variant().isEmpty() ? "" : " " + r.variant());
        Summary s = r.series().summary();
        md.append("| ").append(cell(sandbox)).append(" | ").append(cell(metric)).append(" | ");
        if (s == null) {
            md.append("no samples | | | | 0 | |").append(tails ? " |\n" : "\n");
            return;
        }
        Double half = s.ciHigh() == null ? null : (s.ciHigh() - s.ciLow()) / 2;
        md.append(Numbers.format(s.median())).append(" | ").append(Numbers.format(s.best())).append(" | ")
                .append(Numbers.plusMinus(s.mean(), half)).append(" | ").append(Numbers.percent(s.cv())).append(" | ")
                .append(s.n()).append(" | ").append(ratio(r)).append(" |");
        md.append(tails ? " " + cell(r.tailPercentiles()) + " |\n" : "\n");
    }

    private static String ratio(Row r) {
        if (SandboxKind.HOST.id().equals(r.sandbox())) {
            return "baseline";
        }
        Ratio ratio = r.series().ratioToHost();
        if (ratio == null) {
            return "–";
        }
        String text = Numbers.ratio(ratio.value());
        return ratio.ciLow() == null ? text
                : text + " [" + Numbers.threeDigits(ratio.ciLow()) + ", " + Numbers.threeDigits(ratio.ciHigh()) + "]";
    }

    /** Text safe in a table cell: no pipe, no line break, no HTML; "–" when empty. */
    static String cell(String s) {
        if (s == null || s.isBlank()) {
            return "–";
        }
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace('\r', ' ').replace('\n', ' ').strip();
    }
}
