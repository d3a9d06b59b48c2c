package dev.cvbench.container.state;

import java.util.Locale;

/**
 * OCI container status with the runtime-spec's lifecycle rules as methods: start only from
 * created, kill from created or running, delete only when stopped (or forced), exec only when running.
 */
public enum Status {
    CREATING, CREATED, RUNNING, STOPPED;

    public boolean canStart() {
        return this == CREATED;
    }

    public boolean canKill() {
        return this == CREATED || this == RUNNING;
    }

    public boolean canDelete(boolean force) {
        return this == STOPPED || force;
    }

    public boolean canExec() {
        return this == RUNNING;
    }

    /** The lower-case name used in OCI state JSON. */
    public String ociName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
