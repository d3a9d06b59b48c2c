package dev.cvbench.reports;

import java.nio.file.Path;

/** A rendered report could not be written to its file (no space, no permission, parent is a file...). */
public final class ReportWriteException extends ReportException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    public ReportWriteException(Path file, Throwable cause) {
        super("cannot write report " + file + ": " + cause.getMessage()
                + " (check that the directory exists and is writable)", cause);
        this.file = file;
    }

    /** The file that could not be written. */
    public Path file() {
        return file;
    }
}
