package dev.cvbench.reports.demo;

import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.reports.html.HtmlReport;
import dev.cvbench.reports.stats.Analysis;
import java.nio.file.Path;

/**
 * Writes a sample report from seeded synthetic data, to look at the layout without running a suite:
 * {@code mvn -q -o -pl reports -am test-compile} then run this class with the test classpath, or just
 * run {@code DemoReportTest}, which writes {@code reports/target/demo/report.html}.
 */
public final class DemoReport {
    private DemoReport() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/demo");
        write(dir);
        System.out.println("wrote " + dir.resolve("report.html").toAbsolutePath());
    }

    /** Writes {@code results.json} and {@code report.html} into dir; returns the completed result. */
    public static RunResult write(Path dir) throws Exception {
        RunResult result = Analysis.complete(SampleRuns.demo(42));
        ResultFile.write(result, dir.resolve("results.json"));
        HtmlReport.write(result, dir.resolve("report.html"));
        return result;
    }
}
