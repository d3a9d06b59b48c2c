package dev.cvbench.reports.format;

import dev.cvbench.core.result.RunResult;
import dev.cvbench.reports.ReportException;
import dev.cvbench.reports.html.HtmlReport;

/** {@link ReportFormat#HTML}: see {@link HtmlReport}. */
final class HtmlRenderer implements ReportRenderer {
    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public String render(RunResult result) throws ReportException {
        return HtmlReport.render(result);
    }
}
