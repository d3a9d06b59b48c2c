package dev.cvbench.container;

/** A container with this id already exists; ids are unique per runtime root. */
public final class ContainerExistsException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public ContainerExistsException(String id) {
        super("container '" + id + "' already exists: choose another id or `cvrun delete " + id + "` first");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
