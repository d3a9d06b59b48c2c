package dev.cvbench.container.volume;

import dev.cvbench.container.ContainerException;
import java.nio.file.Path;
import java.util.Set;

/**
 * A volume operation failed. The message is one line naming the volume or spec and what to do; the
 * subclasses carry that context.
 */
public class VolumeException extends ContainerException {
    private static final long serialVersionUID = 1L;

    public VolumeException(String message) {
        super(message);
    }

    public VolumeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A volume name outside {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}. */
    public static final class InvalidName extends VolumeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        public InvalidName(String name) {
            super("invalid volume name '" + name + "': use letters, digits, '_', '.', '-', starting with a letter "
                    + "or digit (at most " + VolumeName.MAX_LENGTH + " characters)");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** A {@code -v} spec that cannot be understood. */
    public static final class InvalidSpec extends VolumeException {
        private static final long serialVersionUID = 1L;
        private final String spec;

        public InvalidSpec(String spec, String problem) {
            super("-v '" + spec + "': " + problem);
            this.spec = spec;
        }

        public String spec() {
            return spec;
        }
    }

    /** No volume of that name exists. */
    public static final class NotFound extends VolumeException {
        private static final long serialVersionUID = 1L;
        private final String name;

        public NotFound(String name) {
            super("no volume named '" + name + "'; create it first or check the name");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** The volume is mounted by containers that still exist. */
    public static final class InUse extends VolumeException {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final Set<String> users;

        public InUse(String name, Set<String> users) {
            super("volume '" + name + "' is in use by " + String.join(", ", users) + "; remove those containers first");
            this.name = name;
            this.users = Set.copyOf(users);
        }

        public String name() {
            return name;
        }

        public Set<String> users() {
            return users;
        }
    }

    /** The volume store on disk could not be read or changed. */
    public static final class Io extends VolumeException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;

        public Io(Path path, Throwable cause) {
            super("volume store: cannot access " + path + ": " + cause.getMessage(), cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }
}
