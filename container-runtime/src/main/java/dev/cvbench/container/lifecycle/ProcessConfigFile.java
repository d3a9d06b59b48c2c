package dev.cvbench.container.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.config.ContainerConfig.ProcessConfig;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code process.json}: the container's validated process settings, reused by exec (env, cwd, user, caps). */
final class ProcessConfigFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String NAME = "process.json";

    private ProcessConfigFile() {}

    static void write(Path dir, ProcessConfig p) throws ContainerException {
        try {
            AtomicFiles.writeString(dir.resolve(NAME), JSON.writeValueAsString(p));
        } catch (IOException e) {
            throw new ContainerException("cannot write " + dir.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }

    static ProcessConfig read(Path dir) throws ContainerException {
        try {
            return JSON.readValue(Files.readString(dir.resolve(NAME)), ProcessConfig.class);
        } catch (IOException e) {
            throw new ContainerException("cannot read " + dir.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }
}
