package dev.cvbench.reports;

/** A report format name that cvbench does not know, e.g. from {@code --format}. */
public final class UnknownFormatException extends ReportException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public UnknownFormatException(String name, String known) {
        super("unknown report format '" + name + "' (known: " + known + ")");
        this.name = name;
    }

    /** The name as the user gave it. */
    public String name() {
        return name;
    }
}
