package dev.cvbench.container;

import java.util.List;

/**
 * The configuration is invalid. Every problem is reported with the JSON path of the field
 * (`process.args: must not be empty`); the message is the first problem, {@link #errors()} all.
 */
public final class InvalidConfigException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final transient List<ConfigError> errors;

    /** One invalid field: its JSON path in config.json and what is wrong with it. */
    public record ConfigError(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    public InvalidConfigException(List<ConfigError> errors) {
        super("invalid config: " + errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        this.errors = List.copyOf(errors);
    }

    public InvalidConfigException(String path, String message) {
        this(List.of(new ConfigError(path, message)));
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
