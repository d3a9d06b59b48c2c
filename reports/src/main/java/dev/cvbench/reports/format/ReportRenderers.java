package dev.cvbench.reports.format;

/** The factory of {@link ReportRenderer}s, one per {@link ReportFormat}. */
public final class ReportRenderers {
    private ReportRenderers() {}

    public static ReportRenderer of(ReportFormat format) {
        return switch (format) {
            case HTML -> new HtmlRenderer();
            case MARKDOWN -> new MarkdownRenderer();
        };
    }
}
