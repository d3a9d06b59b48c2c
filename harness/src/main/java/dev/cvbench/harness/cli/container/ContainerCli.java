package dev.cvbench.harness.cli.container;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerExistsException;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.InvalidConfigException;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.NoSuchContainerException;
import dev.cvbench.container.volume.VolumeException;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.container.network.CniNetworkAttacher;
import dev.cvbench.container.network.NetworkConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every {@code cvbench container} subcommand shares: the global options (through the parent command,
 * which implements {@link Globals}), opening the runtime, and turning runtime errors into the harness's:
 * the user's mistakes (unknown or duplicate id, invalid config, wrong state, bad volume) are bad input
 * (exit 2), the rest a failure with the runtime's one-line message (exit 3).
 */
public final class ContainerCli {
    /** Options of {@code cvbench container}. */
    public interface Globals {
        Path root();

        Path cacheDir();

        /** The bridge network for {@code --net bridge}; empty = {@code cvbench0}, 10.213.0.0/24. */
        Optional<NetworkConfig> network() throws HarnessException.BadInput;
    }

    private ContainerCli() {}

    static ContainerRuntime open(Globals g) throws HarnessException {
        try {
            ContainerRuntime rt = ContainerRuntime.at(g.root());
            Optional<NetworkConfig> net = g.network();
            return net.isPresent() ? rt.withNetwork(CniNetworkAttacher.of(net.get())) : rt;
        } catch (ContainerException e) {
            throw map(e);
        }
    }

    static HarnessException map(ContainerException e) {
        if (e instanceof NoSuchContainerException || e instanceof ContainerExistsException || e instanceof InvalidConfigException
                || e instanceof InvalidStateException || e instanceof VolumeException) {
            return new HarnessException.BadInput(e.getMessage(), e);
        }
        return new HarnessException(e.getMessage(), e);
    }

    /** A runtime call that may fail. */
    interface Call<T> {
        T call() throws ContainerException;
    }

    static <T> T call(Call<T> c) throws HarnessException {
        try {
            return c.call();
        } catch (ContainerException e) {
            throw map(e);
        }
    }
}
