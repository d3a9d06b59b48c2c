package dev.cvbench.reports.format;

import dev.cvbench.reports.UnknownFormatException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The report formats cvbench writes. Get a renderer with {@link ReportRenderers#of(ReportFormat)}; the
 * implementations are package-private, so a new format is one enum constant and one class here.
 */
public enum ReportFormat {
    /** One self-contained page with charts, for people. */
    HTML("html", "html"),
    /** A compact table per workload, for terminals, CI logs and pull-request comments. */
    MARKDOWN("markdown", "md");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name used on the command line ({@code --format html}). */
    public String id() {
        return id;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive; {@code md} is accepted for markdown). */
    public static ReportFormat fromId(String name) throws UnknownFormatException {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.id.equals(wanted) || f.extension.equals(wanted)) {
                return f;
            }
        }
        throw new UnknownFormatException(name,
                Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
