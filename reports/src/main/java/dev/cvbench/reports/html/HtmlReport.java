package dev.cvbench.reports.html;

import dev.cvbench.core.result.AtomicFiles;
import dev.cvbench.core.result.Environment;
import dev.cvbench.core.result.RunInfo;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.reports.ReportException;
import dev.cvbench.reports.ReportWriteException;
import dev.cvbench.reports.view.ReportModel;
import dev.cvbench.reports.view.SandboxStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run as one self-contained HTML page: no external file, font, script or stylesheet. CSS is
 * inline, charts are inline SVG (JFreeChart through JFreeSVG), so the file can be mailed, attached to
 * a CI job or opened years later.
 *
 * <p>Layout, top to bottom: the run (suite, id, dates), a warning when some numbers were measured
 * under CPU emulation, the environment and the sandboxes side by side, then one section per workload
 * (a chart per metric, a table of every series, and what was skipped or failed and why).
 */
public final class HtmlReport {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CSS = loadCss();

    private HtmlReport() {}

    /**
     * Renders the report. Series without a summary get one first (see {@link ReportModel#of}).
     *
     * @throws ReportException when a chart cannot be drawn (fonts missing on a headless server)
     */
    public static String render(RunResult result) throws ReportException {
        ReportModel model = ReportModel.of(result);
        Html h = new Html();
        RunInfo run = model.result().run();
        String title = run == null ? "cvbench report" : "cvbench report: " + run.suite() + " " + run.id();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .element("title", "", title)
                .raw("<style>\n").raw(CSS).raw("</style>\n</head>\n<body>\n<main>\n");
        header(h, run);
        if (model.anyEmulated()) {
            h.raw("<div class=\"callout\" role=\"note\"><b>Emulated numbers.</b> ")
                    .text("Some results were measured in VMs without hardware virtualisation (libvirt domain type "
                            + "'qemu', TCG): QEMU emulates the guest CPU, so those numbers measure emulation, not the "
                            + "cost of a KVM virtual machine. They are marked " + SandboxStyle.EMULATED_MARK
                            + " wherever they appear.")
                    .raw("</div>\n");
        }
        h.raw("<div class=\"grid2\">\n<section>\n<h3>Environment</h3>\n");
        environment(h, model.result().environment());
        h.raw("</section>\n<section>\n<h3>Sandboxes</h3>\n");
        sandboxes(h, model);
        h.raw("</section>\n</div>\n");
        OverviewSection.write(h, model);
        WorkloadSection section = new WorkloadSection(h);
        for (ReportModel.Workload w : model.workloads()) {
            section.write(w);
        }
        footer(h, run);
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** Renders and writes atomically: a reader never sees half a report. */
    public static void write(RunResult result, Path file) throws ReportException {
        String html = render(result);
        try {
            AtomicFiles.writeString(file, html);
        } catch (IOException e) {
            throw new ReportWriteException(file, e);
        }
    }

    private static void header(Html h, RunInfo run) {
        h.raw("<header class=\"run\">\n<h1>cvbench report");
        if (run == null) {
            h.raw("</h1>\n</header>\n");
            return;
        }
        h.raw(" <span class=\"suite\">").text("· suite " + run.suite()).raw("</span></h1>\n<p class=\"meta\">");
        meta(h, "run", run.id());
        meta(h, "started", when(run.started()));
        duration(run).ifPresent(d -> meta(h, "took", d));
        meta(h, "repetitions", run.repetitions() + " (+" + run.warmup() + " warm-up)");
        meta(h, "cvbench", run.cvbenchVersion());
        h.raw("</p>\n");
        if (!run.settings().isEmpty()) {
            h.raw("<p class=\"meta\">settings ");
            new TreeMap<>(run.settings()).forEach((k, v) -> h.element("span", "fact", k + "=" + v));
            h.raw("</p>\n");
        }
        h.raw("</header>\n");
    }

    private static void meta(Html h, String key, String value) {
        h.raw("<span class=\"item\">").text(key).raw(" <b>").text(value == null ? "–" : value).raw("</b></span>");
    }

    private static String when(String iso) {
        try {
            return WHEN.format(Instant.parse(iso));
        } catch (DateTimeParseException | NullPointerException e) {
            return iso;
        }
    }

    private static java.util.Optional<String> duration(RunInfo run) {
        try {
            Duration d = Duration.between(Instant.parse(run.started()), Instant.parse(run.finished()));
            return java.util.Optional.of(d.toMinutes() > 0
                    ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s");
        } catch (DateTimeParseException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    private static void environment(Html h, Environment env) {
        if (env == null) {
            h.element("p", "muted", "not recorded");
            return;
        }
        h.raw("<table class=\"kv\">\n<tbody>\n")
                .row("th", "Host", env.hostname()).row("th", "CPU", env.cpuModel())
                .row("th", "Cores", Integer.toString(env.cores()))
                .row("th", "Memory", String.format(Locale.ROOT, "%.1f GiB", env.memoryBytes() / (double) (1L << 30)))
                .row("th", "Kernel", env.kernel()).row("th", "OS", env.os()).row("th", "cgroup", env.cgroup())
                .row("th", "KVM", env.kvmAvailable() ? "available" : "not available: VMs run emulated (TCG)")
                .row("th", "JVM", env.jvm());
        new TreeMap<>(env.tools()).forEach((tool, version) -> h.row("th", tool, version));
        h.raw("</tbody>\n</table>\n");
    }

    private static void sandboxes(Html h, ReportModel model) {
        h.raw("<table>\n<thead><tr><th>Sandbox</th><th>Status</th><th>Facts</th></tr></thead>\n<tbody>\n");
        for (SandboxInfo s : model.result().sandboxes()) {
            h.raw("<tr><td>");
            swatch(h, s.kind());
            h.text(s.kind());
            if (s.available() && SandboxStyle.isEmulated(s.facts())) {
                h.element("span", "badge emulated", SandboxStyle.EMULATED_MARK);
            }
            h.raw("</td><td>");
            if (s.available()) {
                h.element("span", "badge ok", "available");
            } else {
                h.element("span", "badge na", "not available").raw(" ").text(s.reason());
            }
            h.raw("</td><td>");
            facts(h, s.facts());
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }

    static void swatch(Html h, String kind) {
        h.raw("<span class=\"swatch\" style=\"background:" + SandboxStyle.of(kind).cssColor() + "\"></span>");
    }

    static void facts(Html h, Map<String, String> facts) {
        if (facts.isEmpty()) {
            h.element("span", "muted", "–");
        }
        new TreeMap<>(facts).forEach((k, v) -> h.element("span", "fact", k + "=" + v));
    }

    private static void footer(Html h, RunInfo run) {
        h.raw("<footer>").text("Median: the middle sample. Mean ± 95% CI: Student's t interval of the mean. "
                + "CV: stddev / mean. Ratio to host: median / host median for the same workload, parameters and "
                + "metric, with a 95% percentile-bootstrap interval; green when the interval is better than the host "
                + "in the metric's direction, red when worse. Charts: bar = median, whisker = 95% CI of the mean, "
                + "dots = samples (up to " + MedianBarRenderer.MAX_DOTS + "). Tail latency: HdrHistogram percentiles, "
                + "shown from " + ReportModel.Row.MIN_SAMPLES_FOR_PERCENTILES + " samples.");
        if (run != null) {
            h.text(" Generated by cvbench " + run.cvbenchVersion() + ".");
        }
        h.raw("</footer>\n");
    }

    private static String loadCss() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css missing from the cvbench-reports jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
