package dev.cvbench.container;

import java.nio.file.Path;

/** A cgroup file could not be created, written or read (the path says which). */
public final class CgroupException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public CgroupException(Path path, String message, Throwable cause) {
        super("cgroup " + path + ": " + message, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
