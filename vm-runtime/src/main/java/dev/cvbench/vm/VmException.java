package dev.cvbench.vm;

import java.nio.file.Path;
import java.util.List;

/**
 * Something the VM runtime could not do. Every subclass carries the context a user needs (the path, the
 * libvirt URI, the domain, the last console lines) and a one-line message that says what went wrong and what
 * to do about it; callers print {@link #getMessage()} and never a stack trace for bad input.
 */
public class VmException extends Exception {
    private static final long serialVersionUID = 1L;

    public VmException(String message) {
        super(message);
    }

    public VmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A {@code VmSpec} field is malformed or out of range. */
    public static final class InvalidSpec extends VmException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public InvalidSpec(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The kernel (or initramfs) file is missing or unreadable, or a kernel package could not be fetched. */
    public static final class KernelNotFound extends VmException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;

        public KernelNotFound(Path path, String message) {
            super(message);
            this.path = path;
        }

        public KernelNotFound(Path path, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }

    /** A kernel module the guest needs is neither built in nor present in the modules directory. */
    public static final class ModuleNotFound extends VmException {
        private static final long serialVersionUID = 1L;
        private final String module;

        public ModuleNotFound(String module, Path modulesDir) {
            super("kernel module '" + module + "' is neither built in nor under " + modulesDir
                    + "; use a kernel that has it (e.g. --kernel generic)");
            this.module = module;
        }

        public String module() {
            return module;
        }
    }

    /** Writing the guest image (initramfs, unpacked kernel) failed. */
    public static final class ImageBuildFailed extends VmException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;

        public ImageBuildFailed(Path path, String message, Throwable cause) {
            super(message, cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }

    /** The kernel command line would exceed the x86 limit of 2048 bytes. */
    public static final class CommandLineTooLong extends VmException {
        private static final long serialVersionUID = 1L;
        private final int length;

        public CommandLineTooLong(int length, int limit) {
            super("kernel command line is " + length + " bytes, the x86 limit is " + limit
                    + "; pass fewer or shorter arguments/environment variables (put data in the image instead)");
            this.length = length;
        }

        public int length() {
            return length;
        }
    }

    /** libvirt cannot be reached at this URI (unknown driver, no daemon, embedded driver unusable). */
    public static final class LibvirtUnavailable extends VmException {
        private static final long serialVersionUID = 1L;
        private final String uri;

        public LibvirtUnavailable(String uri, String message) {
            super(message);
            this.uri = uri;
        }

        public LibvirtUnavailable(String uri, String message, Throwable cause) {
            super(message, cause);
            this.uri = uri;
        }

        public String uri() {
            return uri;
        }
    }

    /** A libvirt call on a domain failed (create, destroy, lookup). */
    public static final class DomainFailed extends VmException {
        private static final long serialVersionUID = 1L;
        private final String domain;

        public DomainFailed(String domain, String message, Throwable cause) {
            super(message, cause);
            this.domain = domain;
        }

        public String domain() {
            return domain;
        }
    }

    /** The guest did not reach a point (init started, exit) in time; the domain has been destroyed. */
    public static final class BootTimeout extends VmException {
        private static final long serialVersionUID = 1L;
        private final String domain;
        private final transient List<String> lastLines;

        public BootTimeout(String domain, String waitingFor, long timeoutMillis, List<String> lastLines) {
            super("VM " + domain + " did not reach " + waitingFor + " within " + timeoutMillis + " ms"
                    + lastLinesSuffix(lastLines));
            this.domain = domain;
            this.lastLines = List.copyOf(lastLines);
        }

        public String domain() {
            return domain;
        }

        /** The last console lines before the timeout, oldest first. */
        public List<String> lastLines() {
            return lastLines;
        }
    }

    /** The guest ended (panic, crash, power-off) without /init reporting the command's exit status. */
    public static final class GuestFailed extends VmException {
        private static final long serialVersionUID = 1L;
        private final String domain;

        public GuestFailed(String domain, List<String> lastLines) {
            super("VM " + domain + " ended without reporting an exit status" + lastLinesSuffix(lastLines));
            this.domain = domain;
        }

        public String domain() {
            return domain;
        }
    }

    static String lastLinesSuffix(List<String> lines) {
        if (lines.isEmpty()) {
            return "; no console output at all (wrong kernel, or console not on ttyS0?)";
        }
        return "; last console lines: " + String.join(" | ", lines);
    }
}
