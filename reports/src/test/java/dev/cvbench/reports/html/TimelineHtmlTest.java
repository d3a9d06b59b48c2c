package dev.cvbench.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.Metric;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The phase timeline in the HTML report: where it appears, what it shows, and that it ignores the locale. */
class TimelineHtmlTest {
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @Test
    void phaseMetricsGetOneTimelineAtTheTopAndTheirOwnChartsFolded() throws Exception {
        String html = HtmlReport.render(boot());
        assertThat(count(html, "<figure class=\"timeline\">")).isEqualTo(1);
        assertThat(count(html, "<svg id='timeline-")).isEqualTo(1);
        int timeline = html.indexOf("<figure class=\"timeline\">");
        int details = html.indexOf("<details class=\"phases\"><summary>per-phase charts (4)</summary>");
        assertThat(timeline).isPositive().isLessThan(html.indexOf("<figcaption>boot_time_ms"));
        assertThat(details).isGreaterThan(html.indexOf("<figcaption>boot_time_ms"));
        String folded = html.substring(details, html.indexOf("</details>", details));
        assertThat(count(folded, "<svg")).isEqualTo(4);
        assertThat(folded).doesNotContain("<figcaption>boot_time_ms");
    }

    @Test
    void stripsAreInMedianOrderWithTheirTotalsAndTheEmulationMark() throws Exception {
        String html = HtmlReport.render(boot());
        String svg = html.substring(html.indexOf("<svg id='timeline-"), html.indexOf("</svg>",
                html.indexOf("<svg id='timeline-")));
        assertThat(svg).contains(">host · exited at 76 ms<", ">vm · TCG · exited at 7800 ms · axis to 9100 ms<");
        // vm: qemu up (130) before first output (5000) although listed after it; labels where they fit
        assertThat(svg.indexOf(">first output<", svg.indexOf(">vm · TCG"))).isPositive();
        assertThat(svg).containsPattern("<g id='timeline-\\d+-1-0'><title>qemu_up: 0 to 135 ms \\(135 ms\\)</title><rect");
        String key = html.substring(html.indexOf("<div class=\"key\">", html.indexOf("<figure class=\"timeline\">")));
        key = key.substring(0, key.indexOf("</div>"));
        assertThat(key).containsSubsequence(">qemu_up<", ">first_output<", ">gone<", ">exited<")
                .contains("vm: emulated (TCG)");
    }

    @Test
    void overviewListsOnlyMetricsWithAHostBaseline() throws Exception {
        String html = HtmlReport.render(boot());
        String overview = html.substring(html.indexOf("<section class=\"overview\">"), html.indexOf("</section>", html.indexOf("<section class=\"overview\">")));
        assertThat(overview).contains("boot_time_ms").contains("phase_first_output_ms")
                .doesNotContain("phase_qemu_up_ms").doesNotContain("phase_gone_ms");
    }

    @Test
    void noPhaseMetricsNoTimelineAndNothingFolded() throws Exception {
        String html = HtmlReport.render(Analysis.complete(SampleRuns.demo(42)));
        assertThat(html).doesNotContain("class=\"timeline\"").doesNotContain("per-phase charts");
    }

    @Test
    void theTimelineIsTheSameWhateverTheLocale() throws Exception {
        RunResult run = boot();
        Locale.setDefault(Locale.US);
        String us = HtmlReport.render(run);
        Locale.setDefault(Locale.GERMANY);
        assertThat(HtmlReport.render(run)).isEqualTo(us);
        assertThat(us).contains(">2,000</text>"); // a vm strip tick, grouped the ROOT way
    }

    private static RunResult boot() {
        Map<String, String> tcg = Map.of("domain_type", "qemu");
        List<Series> s = List.of(
                series("host", "boot_time_ms", Map.of(), 75, 76, 77),
                series("host", "phase_process_started_ms", Map.of(), 2, 2, 2.1),
                series("host", "phase_first_output_ms", Map.of(), 70, 72, 71),
                series("vm", "boot_time_ms", tcg, 7800, 7800, 7900),
                series("vm", "phase_first_output_ms", tcg, 5000, 4900, 5100),
                series("vm", "phase_qemu_up_ms", tcg, 130, 140, 135),
                series("vm", "phase_gone_ms", tcg, 9000, 9100, 9200));
        return Analysis.complete(new RunResult(RunResult.SCHEMA, null, null,
                List.of(new SandboxInfo("host", true, "", Map.of()), new SandboxInfo("vm", true, "", tcg)), s,
                List.of()));
    }

    private static Series series(String sandbox, String metric, Map<String, String> facts, double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(i, 0, values[i]));
        }
        return new Series("boot", sandbox, Map.of(), Metric.lower(metric, "ms", ""), facts, samples, null, null);
    }

    private static long count(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
