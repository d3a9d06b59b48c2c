package dev.cvbench.container;

/**
 * The one checked exception of the container runtime. Its message is a single line that names
 * what failed and, where possible, what to do; subclasses carry the context (id, JSON path,
 * stage and errno) so the CLI can map them to exit codes in one place.
 */
public class ContainerException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContainerException(String message) {
        super(message);
    }

    public ContainerException(String message, Throwable cause) {
        super(message, cause);
    }
}
