package dev.cvbench.reports.format;

import dev.cvbench.core.result.AtomicFiles;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.reports.ReportException;
import dev.cvbench.reports.ReportWriteException;
import java.io.IOException;
import java.nio.file.Path;

/** Turns a run result into a report in one {@link ReportFormat}. Series without a summary are analysed first. */
public interface ReportRenderer {
    ReportFormat format();

    /** The whole report as text. */
    String render(RunResult result) throws ReportException;

    /** Renders and writes atomically: a reader never sees half a report. */
    default void write(RunResult result, Path file) throws ReportException {
        String text = render(result);
        try {
            AtomicFiles.writeString(file, text);
        } catch (IOException e) {
            throw new ReportWriteException(file, e);
        }
    }
}
