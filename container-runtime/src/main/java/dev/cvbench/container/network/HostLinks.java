package dev.cvbench.container.network;

/**
 * The few host link operations the network needs outside the plugins: make the bridge exist without
 * any container, and remove leftover host veths. A seam so cleanup logic is unit-tested without root.
 */
interface HostLinks {
    /** Creates {@code bridge} if absent, gives it {@code gatewayCidr} (idempotent) and sets it up. */
    void ensureBridge(String bridge, String gatewayCidr, int mtu) throws NetworkException;

    boolean exists(String link) throws NetworkException;

    /** Deletes {@code link}; no error when it is already gone. */
    void delete(String link) throws NetworkException;
}
