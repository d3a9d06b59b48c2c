package dev.cvbench.harness.cli;

import dev.cvbench.harness.cli.container.ContainerCli;
import dev.cvbench.harness.cli.container.LifecycleCommands;
import dev.cvbench.harness.cli.container.RunCommand;
import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.container.network.NetworkException;
import dev.cvbench.harness.HarnessException;
import java.nio.file.Path;
import java.util.Optional;
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

    @Option(names = "--bridge", paramLabel = "NAME", description = "Bridge for --net bridge (default: cvbench0).")
    String bridge;

    @Option(names = "--subnet", paramLabel = "CIDR", description = "Subnet of that bridge (default: 10.213.0.0/24).")
    String subnet;

    @Override
    public Optional<NetworkConfig> network() throws HarnessException.BadInput {
        if (bridge == null && subnet == null) {
            return Optional.empty();
        }
        NetworkConfig.Builder b = NetworkConfig.builder(root.toAbsolutePath().normalize());
        if (bridge != null) {
            b.bridgeName(bridge);
        }
        if (subnet != null) {
            b.subnet(subnet);
        }
        try {
            return Optional.of(b.build());
        } catch (NetworkException.InvalidConfig e) {
            throw new HarnessException.BadInput(e.getMessage(), e);
        }
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path cacheDir() {
        return cacheDir;
    }
}
