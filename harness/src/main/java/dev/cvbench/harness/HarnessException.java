package dev.cvbench.harness;

/** Base of every checked failure in the harness. Subclasses carry context; the message is one line a user can act on. */
public class HarnessException extends Exception {
    private static final long serialVersionUID = 1L;

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }
}
