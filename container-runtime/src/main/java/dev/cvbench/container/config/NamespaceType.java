package dev.cvbench.container.config;

import java.util.Arrays;
import java.util.Optional;

/** The namespaces this runtime creates or joins: OCI names and the names cvinit and /proc use. */
public enum NamespaceType {
    PID("pid", "pid"), NETWORK("network", "net"), IPC("ipc", "ipc"), UTS("uts", "uts"), MOUNT("mount", "mnt"),
    CGROUP("cgroup", "cgroup");

    private final String ociName;
    private final String procName;

    NamespaceType(String ociName, String procName) {
        this.ociName = ociName;
        this.procName = procName;
    }

    public String ociName() {
        return ociName;
    }

    /** The file name under {@code /proc/<pid>/ns/}, also cvinit's name for it. */
    public String procName() {
        return procName;
    }

    public static Optional<NamespaceType> fromOci(String name) {
        return Arrays.stream(values()).filter(t -> t.ociName.equals(name)).findFirst();
    }
}
