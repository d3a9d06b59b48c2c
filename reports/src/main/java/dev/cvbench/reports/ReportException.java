package dev.cvbench.reports;

/**
 * Base of every checked error the reports module raises. Subclasses carry the context a user needs
 * to act (the file, the format); the message is one line that names the cause and what to do.
 */
public class ReportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportException(String message) {
        super(message);
    }

    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
