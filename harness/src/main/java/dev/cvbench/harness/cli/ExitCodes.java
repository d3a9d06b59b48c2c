package dev.cvbench.harness.cli;

/** The exit statuses of every cvbench command, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The run finished, but some (workload, sandbox) pairs failed; results were written. */
    public static final int SOME_FAILED = 1;
    /** Bad input: unknown option, workload or runtime; malformed suite file; unwritable output. */
    public static final int BAD_INPUT = 2;
    /** The host lacks something required (root, a package) and cvbench could not fix it. */
    public static final int MISSING_PREREQUISITE = 3;
    /** Interrupted (Ctrl-C); everything started was torn down. */
    public static final int INTERRUPTED = 130;
    /** A bug in cvbench: the stack trace follows. */
    public static final int INTERNAL = 70;

    private ExitCodes() {}
}
