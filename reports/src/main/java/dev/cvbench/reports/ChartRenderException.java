package dev.cvbench.reports;

/**
 * A chart could not be drawn. Almost always the JVM's font subsystem on a server without fonts:
 * install {@code fonts-dejavu-core} (Debian) and run with {@code -Djava.awt.headless=true}.
 */
public final class ChartRenderException extends ReportException {
    private static final long serialVersionUID = 1L;
    private final String chart;

    public ChartRenderException(String chart, Throwable cause) {
        super("cannot draw chart '" + chart + "': " + cause + " (on a server without fonts install"
                + " fonts-dejavu-core and run with -Djava.awt.headless=true)", cause);
        this.chart = chart;
    }

    /** Which chart failed: workload and metric. */
    public String chart() {
        return chart;
    }
}
