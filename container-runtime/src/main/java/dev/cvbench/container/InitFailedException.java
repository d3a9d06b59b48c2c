package dev.cvbench.container;

/**
 * The init helper (cvinit) reported an error before the container's process started: the stage
 * that failed (e.g. {@code pivot_root}), the errno and its message, as sent on the sync socket.
 */
public final class InitFailedException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final String stage;
    private final int errno;

    public InitFailedException(String stage, int errno, String message) {
        super("container init failed at " + stage + ": " + message);
        this.stage = stage;
        this.errno = errno;
    }

    public String stage() {
        return stage;
    }

    public int errno() {
        return errno;
    }
}
