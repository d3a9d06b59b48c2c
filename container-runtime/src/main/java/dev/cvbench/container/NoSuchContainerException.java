package dev.cvbench.container;

/** No container with this id exists under the runtime's root. */
public final class NoSuchContainerException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public NoSuchContainerException(String id) {
        super("container '" + id + "' does not exist (see `cvrun list`)");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
