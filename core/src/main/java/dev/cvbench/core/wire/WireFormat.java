package dev.cvbench.core.wire;

/**
 * The agent-to-driver wire format. An agent prints ordinary log lines and, for the driver, lines of the form
 *
 * <pre>
 * CVBENCH {"type":"ready"}
 * CVBENCH {"type":"sample","metric":"triad_gb_per_s","unit":"GB/s","direction":"higher","iteration":0,"value":11.93}
 * CVBENCH {"type":"result","workload":"memory-bandwidth"}
 * CVBENCH {"type":"error","message":"array allocation failed: ..."}
 * </pre>
 *
 * one JSON object per line, after the prefix. The driver parses only those lines; anything else is log.
 * A VM's serial console may prefix kernel noise on the same line, so the prefix is searched, not anchored.
 */
public final class WireFormat {
    /** Marks a machine-readable line. */
    public static final String PREFIX = "CVBENCH ";

    public static final String READY = "ready";
    public static final String SAMPLE = "sample";
    public static final String RESULT = "result";
    public static final String ERROR = "error";

    private WireFormat() {}
}
