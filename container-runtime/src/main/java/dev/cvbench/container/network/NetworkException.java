package dev.cvbench.container.network;

import dev.cvbench.container.ContainerException;
import java.nio.file.Path;
import java.util.List;

/**
 * Container networking failed. The message is one line saying what failed and what to do; the
 * subclasses carry the context (plugin, CNI command, error code, command line, path).
 */
public class NetworkException extends ContainerException {
    private static final long serialVersionUID = 1L;

    public NetworkException(String message) {
        super(message);
    }

    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The network configuration is invalid (bad subnet, gateway outside the subnet, bad name). */
    public static final class InvalidConfig extends NetworkException {
        private static final long serialVersionUID = 1L;

        public InvalidConfig(String message) {
            super(message);
        }
    }

    /** The container already has an attachment; detach it first. */
    public static final class AlreadyAttached extends NetworkException {
        private static final long serialVersionUID = 1L;
        private final String containerId;

        public AlreadyAttached(String containerId) {
            super("container '" + containerId + "' is already attached to the network; detach it first");
            this.containerId = containerId;
        }

        public String containerId() {
            return containerId;
        }
    }

    /** A CNI plugin binary is not where the configuration says. */
    public static final class PluginMissing extends NetworkException {
        private static final long serialVersionUID = 1L;
        private final transient Path binary;

        public PluginMissing(Path binary) {
            super("CNI plugin " + binary + " not found or not executable: install Debian package "
                    + "'containernetworking-plugins' or set the CNI bin dir");
            this.binary = binary;
        }

        public Path binary() {
            return binary;
        }
    }

    /**
     * A CNI plugin returned an error. {@link #code()} is the CNI error code (1-7 and 11 are defined by
     * the spec, 100+ by plugins, 999 generic; -1 when the plugin printed no error object).
     */
    public static final class PluginFailed extends NetworkException {
        private static final long serialVersionUID = 1L;
        private final String plugin;
        private final CniCommand command;
        private final int code;
        private final String cniMessage;
        private final String details;

        public PluginFailed(String plugin, CniCommand command, String containerId, int code, String cniMessage,
                String details) {
            super("CNI " + plugin + " " + command + " for '" + containerId + "' failed (code " + code + "): "
                    + cniMessage + (details == null || details.isBlank() ? "" : " (" + details + ")"));
            this.plugin = plugin;
            this.command = command;
            this.code = code;
            this.cniMessage = cniMessage;
            this.details = details;
        }

        public String plugin() {
            return plugin;
        }

        public CniCommand command() {
            return command;
        }

        public int code() {
            return code;
        }

        public String cniMessage() {
            return cniMessage;
        }

        public String details() {
            return details;
        }
    }

    /** A plugin answered with something that is not a CNI result. */
    public static final class BadResult extends NetworkException {
        private static final long serialVersionUID = 1L;

        public BadResult(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A host command ({@code ip ...}) failed or could not be started. */
    public static final class CommandFailed extends NetworkException {
        private static final long serialVersionUID = 1L;
        private final List<String> commandLine;
        private final int exitCode;

        public CommandFailed(List<String> commandLine, int exitCode, String output) {
            super("'" + String.join(" ", commandLine) + "' failed" + (exitCode >= 0 ? " (exit " + exitCode + ")" : "")
                    + ": " + output.strip().replace('\n', ' '));
            this.commandLine = List.copyOf(commandLine);
            this.exitCode = exitCode;
        }

        public List<String> commandLine() {
            return commandLine;
        }

        /** The exit status, or -1 when the command could not be started or timed out. */
        public int exitCode() {
            return exitCode;
        }
    }

    /** Network state under the state dir (attachment records, IPAM leases) could not be read or written. */
    public static final class StateIo extends NetworkException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;

        public StateIo(Path path, Throwable cause) {
            super("cannot access network state " + path + ": " + cause.getMessage()
                    + " (check permissions of the cvbench state dir)", cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }
}
