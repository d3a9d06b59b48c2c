package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.config.CheckContext;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.SpecConverter;
import dev.cvbench.container.spec.SpecFiles;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Helpers shared by the subcommands. */
final class Commands {
    private Commands() {}

    static ContainerConfig loadBundle(Path bundle) throws ContainerException {
        Path abs = bundle.toAbsolutePath().normalize();
        return SpecConverter.convert(SpecFiles.read(abs.resolve("config.json")), CheckContext.forHost(abs));
    }

    static void writePidFile(Path pidFile, long pid) throws ContainerException {
        if (pidFile == null) {
            return;
        }
        try {
            AtomicFiles.writeString(pidFile.toAbsolutePath(), Long.toString(pid));
        } catch (IOException e) {
            throw new ContainerException("cannot write pid file " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
