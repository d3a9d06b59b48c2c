package dev.cvbench.container.config;

import dev.cvbench.container.InvalidConfigException.ConfigError;
import java.util.ArrayList;
import java.util.List;

/** The problems found so far, each with the JSON path of the field. */
final class Problems {
    private final List<ConfigError> errors = new ArrayList<>();

    void add(String path, String message) {
        errors.add(new ConfigError(path, message));
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }
}
