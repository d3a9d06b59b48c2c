package dev.cvbench.harness.cli;

import dev.cvbench.harness.sandbox.SandboxFactory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --state-dir} and {@code --cache-dir}, the same for every command that starts or prepares sandboxes. */
final class DirOptions {
    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = SandboxFactory.DEFAULT_STATE_DIR,
            description = "Runtime state (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = SandboxFactory.DEFAULT_CACHE_DIR,
            description = "Images and kernels (default: ${DEFAULT-VALUE}).")
    Path cacheDir;
}
