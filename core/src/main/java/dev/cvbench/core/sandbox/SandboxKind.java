package dev.cvbench.core.sandbox;

import java.util.Arrays;
import java.util.Locale;

/** The isolation technologies cvbench compares. {@code host} is the baseline every ratio is taken against. */
public enum SandboxKind {
    HOST("host"),
    CONTAINER("container"),
    VM("vm"),
    /** Reference runtime, for the container start benchmark. */
    RUNC("runc"),
    /** Reference runtime, for the container start benchmark. */
    CRUN("crun");

    private final String id;

    SandboxKind(String id) {
        this.id = id;
    }

    /** The lower-case name used on the command line, in suite files and in result files. */
    public String id() {
        return id;
    }

    public static SandboxKind fromId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(k -> k.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown runtime '" + id + "' (known: host, container, vm)"));
    }

    @Override
    public String toString() {
        return id;
    }
}
