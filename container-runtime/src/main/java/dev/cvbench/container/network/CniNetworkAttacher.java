package dev.cvbench.container.network;

import dev.cvbench.container.NetworkAttacher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * The runtime's {@code bridge} network mode over {@link CniNetwork}: a container's new network namespace
 * gets {@code eth0} on the bridge ({@code cvbench0}, 10.213.0.0/24 by default) with an address from
 * host-local, and delete or the janitor give both back. {@code none} needs nothing from here (cvinit
 * brings {@code lo} up in every new network namespace); {@code host} and {@code container:ID} create no
 * namespace.
 *
 * <pre>{@code
 * ContainerRuntime rt = ContainerRuntime.at(root)
 *         .withNetwork(CniNetworkAttacher.of(NetworkConfig.builder(root).bridgeName("cvbt1").subnet("10.99.1.0/24").build()));
 * }</pre>
 */
public final class CniNetworkAttacher implements NetworkAttacher {
    private final CniNetwork network;

    private CniNetworkAttacher(CniNetwork network) {
        this.network = network;
    }

    public static CniNetworkAttacher of(NetworkConfig config) {
        return new CniNetworkAttacher(new CniNetwork(config));
    }

    /** The default network ({@code cvbench0}, 10.213.0.0/24) with its state under {@code root}. */
    public static CniNetworkAttacher defaults(Path root) {
        return of(NetworkConfig.defaults(root));
    }

    public CniNetwork network() {
        return network;
    }

    @Override
    public void attach(String id, Path netnsPath) throws NetworkException {
        network.attach(id, netnsPath);
    }

    @Override
    public void detach(String id, Path netnsPath) throws NetworkException {
        if (netnsPath != null && netnsPath.toFile().exists()) {
            network.detach(id, netnsPath);
        } else {
            network.detachGone(id);
        }
    }

    @Override
    public Optional<String> address(String id) throws NetworkException {
        return network.attachment(id).map(a -> a.ip().address());
    }

    @Override
    public void cleanupStale(Set<String> liveIds) throws NetworkException {
        network.cleanupStaleAttachments(liveIds);
    }
}
