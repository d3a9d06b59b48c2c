package dev.cvbench.container;

/** A lifecycle verb is not allowed in the container's current status (e.g. start on running). */
public final class InvalidStateException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String status;

    public InvalidStateException(String id, String status, String verb) {
        super("cannot " + verb + " container '" + id + "': it is " + status);
        this.id = id;
        this.status = status;
    }

    public String id() {
        return id;
    }

    public String status() {
        return status;
    }
}
