package dev.cvbench.harness.run;

import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.reports.ReportException;
import dev.cvbench.reports.format.ReportFormat;
import dev.cvbench.reports.format.ReportRenderers;
import dev.cvbench.reports.stats.Analysis;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a run's files, each atomically: {@code results.json} (with every summary and ratio filled in) and
 * {@code report.html}; returns a Markdown summary for the terminal.
 */
public final class RunOutput {
    /** Paths written and a short text summary for the terminal. */
    public record Written(Path json, Path html, String summary) {}

    private RunOutput() {}

    public static Written write(RunResult raw, Path dir) throws HarnessException {
        RunResult result = Analysis.complete(raw);
        Path json = dir.resolve("results.json");
        Path html = dir.resolve("report.html");
        try {
            ResultFile.write(result, json);
            ReportRenderers.of(ReportFormat.HTML).write(result, html);
            String summary = ReportRenderers.of(ReportFormat.MARKDOWN).render(result);
            return new Written(json, html, summary);
        } catch (IOException e) {
            throw new HarnessException("cannot write " + json + ": " + e.getMessage(), e);
        } catch (ReportException e) {
            throw new HarnessException("cannot write the report: " + e.getMessage(), e);
        }
    }
}
