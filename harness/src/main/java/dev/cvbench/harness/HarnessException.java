package dev.cvbench.harness;

/**
 * The harness's checked base exception. The message is one line a user can act on: the cause and what to
 * do. {@link dev.cvbench.harness.cli.Main} maps subclasses to exit codes in one place.
 */
public class HarnessException extends Exception {
    private static final long serialVersionUID = 1L;

    public HarnessException(String message) {
        super(message);
    }

    public HarnessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Bad input: an unknown workload or runtime, a malformed suite file, an unwritable output directory. Exit 2. */
    public static class BadInput extends HarnessException {
        private static final long serialVersionUID = 1L;

        public BadInput(String message) {
            super(message);
        }

        public BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The machine lacks something the command needs (root, a package, a kernel). Exit 3. */
    public static class MissingPrerequisite extends HarnessException {
        private static final long serialVersionUID = 1L;

        public MissingPrerequisite(String message) {
            super(message);
        }

        public MissingPrerequisite(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
