package dev.cvbench.container;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Wires a container's new network namespace (the {@code dev.cvbench.network} annotation set to
 * {@code bridge}) onto the host's network. The runtime calls {@link #attach} while the container's
 * init waits between NETNS_READY and NETWORK_DONE, and {@link #detach} on delete or cleanup. The
 * CNI-based implementation lives in {@code dev.cvbench.container.network}; {@link #NONE} leaves
 * the namespace with only {@code lo}.
 */
public interface NetworkAttacher {
    /** Does nothing: the container keeps an unconnected network namespace. */
    NetworkAttacher NONE = new NetworkAttacher() {
        @Override
        public void attach(String id, Path netnsPath) {}

        @Override
        public void detach(String id, Path netnsPath) {}
    };

    void attach(String id, Path netnsPath) throws ContainerException;

    /** The container's address on the network (e.g. {@code 10.213.0.5}), if it is attached. */
    default Optional<String> address(String id) throws ContainerException {
        return Optional.empty();
    }

    /**
     * Releases what containers that no longer exist left attached (veths, address leases): called by
     * the janitor with the ids still present under the runtime's root.
     */
    default void cleanupStale(Set<String> liveIds) throws ContainerException {}

    /** Must be idempotent: called again by the janitor for leftovers; netnsPath may be gone. */
    void detach(String id, Path netnsPath) throws ContainerException;
}
