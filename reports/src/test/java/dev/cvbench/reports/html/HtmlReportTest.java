package dev.cvbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.Sample;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.reports.demo.SampleRuns;
import dev.cvbench.reports.stats.Analysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Structure of the HTML report; the SVG bytes are JFreeChart's business and are not pinned. */
class HtmlReportTest {
    private static final String SCRIPT = "<script>alert('x')</script>";
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void oneSvgChartPerMetricOfEveryWorkload() throws Exception {
        RunResult run = Analysis.complete(SampleRuns.demo(42));
        String html = HtmlReport.render(run);
        long metrics = run.results().stream().map(s -> s.workload() + "/" + s.metric().name()).distinct().count();
        assertThat(metrics).isEqualTo(4);
        assertThat(count(html, "<svg")).isEqualTo(metrics);
        assertThat(count(html, "<figure>")).isEqualTo(metrics);
        assertThat(count(html, "</svg>")).isEqualTo(metrics);
    }

    @Test
    void hasTheRunEnvironmentSandboxesAndAWorkloadTableEach() throws Exception {
        String html = HtmlReport.render(Analysis.complete(SampleRuns.demo(42)));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>cvbench report: default 20261127T234512Z</title>");
        assertThat(html).contains("AMD EPYC 7B13 64-Core Processor", "6.1.0-28-amd64", "hybrid", "24.0 GiB");
        assertThat(count(html, "<table class=\"numbers\">")).isEqualTo(3); // boot, stream, net; ipc has only outcomes
        assertThat(html).contains("not available</span> runc not found on PATH");
        assertThat(html).contains("<h2>ipc</h2>").contains("needs capability SHARED_IPC");
        assertThat(html).contains("<details><summary>last 3 lines of output</summary><pre>");
        assertThat(html).contains(">baseline<");
    }

    @Test
    void emulatedNumbersAreMarkedWhereverTheyAppear() throws Exception {
        RunResult run = Analysis.complete(SampleRuns.demo(42));
        String html = HtmlReport.render(run);
        long vmSeries = run.results().stream().filter(s -> s.sandbox().equals("vm")).count();
        assertThat(html).contains("<div class=\"callout\" role=\"note\"><b>Emulated numbers.</b>");
        // every vm table row, the vm row of the sandboxes table, the overview column, the key under each vm chart
        long charts = run.results().stream().filter(s -> s.sandbox().equals("vm")).map(s -> s.workload() + s.metric())
                .distinct().count();
        assertThat(count(html, "<span class=\"badge emulated\">emulated (TCG)</span>")).isEqualTo(vmSeries + 2);
        assertThat(count(html, "<span class=\"badge emulated\">vm: emulated (TCG)</span>")).isEqualTo(charts);
    }

    @Test
    void noEmulationNoWarning() throws Exception {
        Series host = series("boot", "host", 1, 2, 3);
        RunResult run = new RunResult(RunResult.SCHEMA, null, null,
                List.of(new SandboxInfo("host", true, "", Map.of())), List.of(host), List.of());
        String html = HtmlReport.render(run);
        assertThat(html).doesNotContain("class=\"callout\"").doesNotContain("emulated (TCG)").contains("<svg");
    }

    @Test
    void escapesEverythingThatComesFromTheResultFile() throws Exception {
        RunResult demo = SampleRuns.demo(42);
        List<Series> series = new ArrayList<>(demo.results());
        series.add(series("evil" + SCRIPT, "x<b>y</b>", 1, 2));
        List<Outcome> outcomes = new ArrayList<>(demo.outcomes());
        outcomes.add(Outcome.failed("boot", "vm", "exit 1: " + SCRIPT, List.of(SCRIPT, "a & b \"quoted\"")));
        List<SandboxInfo> sandboxes = new ArrayList<>(demo.sandboxes());
        sandboxes.add(new SandboxInfo("odd", false, SCRIPT, Map.of("k\"", "<v>")));
        RunResult run = new RunResult(demo.schema(), demo.run(), demo.environment(), sandboxes, series, outcomes);

        String html = HtmlReport.render(run);

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<b>y</b>").doesNotContain("<v>");
        assertThat(html).contains("exit 1: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(html).contains("a &amp; b &quot;quoted&quot;");
        assertThat(html).contains("x&lt;b&gt;y&lt;/b&gt;");
    }

    @Test
    void aSeriesWithoutSamplesIsARowButNoChart() throws Exception {
        Series host = series("boot", "host", 1, 2, 3);
        Series empty = series("boot", "container");
        Series alone = new Series("idle", "vm", Map.of(), Metric.lower("idle_ms", "ms", ""), Map.of(), List.of(),
                null, null);
        RunResult run = new RunResult(RunResult.SCHEMA, null, null, List.of(), List.of(host, empty, alone), List.of());
        String html = HtmlReport.render(run);
        assertThat(count(html, "<svg")).isEqualTo(1);
        assertThat(count(html, ">no samples</td>")).isEqualTo(2);
    }

    @Test
    void isSelfContained() throws Exception {
        String html = HtmlReport.render(Analysis.complete(SampleRuns.demo(42)));
        assertThat(html).doesNotContainPattern(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//",
                Pattern.CASE_INSENSITIVE));
        assertThat(html).doesNotContainPattern(Pattern.compile("url\\(\\s*[\"']?\\s*(https?:)?//"));
        assertThat(html).doesNotContain("@import").doesNotContain("<link").doesNotContain("<img");
        assertThat(html).contains("<style>");
    }

    @Test
    void chartsAreTheSameWhateverTheLocale() throws Exception {
        RunResult demo = Analysis.complete(SampleRuns.demo(42));
        List<Series> series = new ArrayList<>(demo.results());
        series.add(series("linear", "host", 4100, 4200, 4300));
        series.add(series("linear", "container", 5100.5, 5200.25, 5300.125));
        RunResult run = Analysis.complete(new RunResult(demo.schema(), demo.run(), demo.environment(),
                demo.sandboxes(), series, demo.outcomes()));
        Locale.setDefault(Locale.US);
        String us = HtmlReport.render(run);
        Locale.setDefault(Locale.GERMANY);
        String de = HtmlReport.render(run);
        Locale.setDefault(Locale.forLanguageTag("hi-IN-u-nu-deva"));
        String hi = HtmlReport.render(run);
        assertThat(de).isEqualTo(us);
        assertThat(hi).isEqualTo(us);
        assertThat(us).containsPattern(">\\d,\\d{3}</text>"); // a linear tick label, with ROOT grouping
    }

    @Test
    void clipPathIdsAreUniqueAcrossCharts() throws Exception {
        String html = HtmlReport.render(Analysis.complete(SampleRuns.demo(42)));
        Matcher m = Pattern.compile("<clipPath id=['\"]([^'\"]+)['\"]").matcher(html);
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    }

    static Series series(String workload, String sandbox, double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(i, 0, values[i]));
        }
        return new Series(workload, sandbox, Map.of(), Metric.lower("boot_time_ms", "ms", SCRIPT), Map.of(), samples,
                null, null);
    }

    private static long count(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
