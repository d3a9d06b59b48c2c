package dev.cvbench.core.workload;

import java.util.List;

/** A workload could not produce its measurements; carries the last lines the instance printed. */
public class WorkloadException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> lastLines;

    public WorkloadException(String message, List<String> lastLines) {
        super(message);
        this.lastLines = List.copyOf(lastLines);
    }

    public WorkloadException(String message, List<String> lastLines, Throwable cause) {
        super(message, cause);
        this.lastLines = List.copyOf(lastLines);
    }

    public List<String> lastLines() {
        return lastLines;
    }
}
