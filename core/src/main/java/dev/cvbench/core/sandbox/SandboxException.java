package dev.cvbench.core.sandbox;

/** A sandbox could not do what was asked. Subclasses say why; the message is one line a user can act on. */
public class SandboxException extends Exception {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The sandbox lacks a capability the spec needs. */
    public static final class Unsupported extends SandboxException {
        private static final long serialVersionUID = 1L;
        private final Capability capability;

        public Unsupported(Capability capability, String message) {
            super(message);
            this.capability = capability;
        }

        public Capability capability() {
            return capability;
        }
    }

    /** The sandbox cannot run at all on this machine (missing kernel, no root, libvirt unreachable). */
    public static final class Unavailable extends SandboxException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message) {
            super(message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
