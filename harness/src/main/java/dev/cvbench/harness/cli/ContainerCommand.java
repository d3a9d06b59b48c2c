package dev.cvbench.harness.cli;

import dev.cvbench.harness.cli.container.ContainerCli;
import dev.cvbench.harness.cli.container.LifecycleCommands;
import dev.cvbench.harness.cli.container.RunCommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cvbench container ...}: the docker-like face of cvbench's own container runtime. State lives under
 * {@code --root} (default {@code /run/cvbench}, as for {@code ./cvrun}, so {@code ./cvrun list} sees these
 * containers too).
 */
@Command(name = "container", mixinStandardHelpOptions = true,
        description = "Run and manage containers with cvbench's own runtime (docker-like: run, ps, exec, stop, start, kill, rm, logs).",
        subcommands = {RunCommand.class, LifecycleCommands.Ps.class, LifecycleCommands.Exec.class, LifecycleCommands.Stop.class,
            LifecycleCommands.Start.class, LifecycleCommands.Kill.class, LifecycleCommands.Rm.class, LifecycleCommands.Logs.class})
final class ContainerCommand implements ContainerCli.Globals {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/run/cvbench", description = "Runtime state (default: ${DEFAULT-VALUE}).")
    Path root;

    @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "/var/cache/cvbench",
            description = "Where the default image is built and kept (default: ${DEFAULT-VALUE}).")
    Path cacheDir;

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }
}
