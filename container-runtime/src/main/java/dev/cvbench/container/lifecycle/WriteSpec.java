package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.SpecFiles;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code spec}: writes runc's default config.json into a bundle directory (never over an existing one). */
public final class WriteSpec {
    private WriteSpec() {}

    public static Path run(Path bundle) throws ContainerException {
        Path file = bundle.resolve("config.json");
        if (Files.exists(file)) {
            throw new ContainerException(file + " already exists: remove it first");
        }
        try {
            AtomicFiles.writeString(file, SpecFiles.toJson(DefaultSpec.create()));
        } catch (IOException e) {
            throw new ContainerException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
