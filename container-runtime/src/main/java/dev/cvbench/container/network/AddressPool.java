package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * Addresses from the shared subnet for owners without a network namespace (VMs), by running the
 * host-local IPAM plugin on its own with the same network name and data dir the bridge plugin uses.
 * A lease is keyed by owner id and interface name ({@value #IFNAME}).
 */
final class AddressPool {
    /** The interface name IPAM-only leases are recorded under: the guest's first NIC. */
    static final String IFNAME = "eth0";
    /**
     * host-local never opens the namespace, but the plugin skeleton insists {@code CNI_NETNS} is set
     * for ADD; this placeholder says there is none.
     */
    static final String NO_NETNS = "none";
    static final String PLUGIN = "host-local";

    private final NetworkConfig config;
    private final CniExecutor executor;
    private final LeaseDirectory leases;

    AddressPool(NetworkConfig config, CniExecutor executor) {
        this.config = config;
        this.executor = executor;
        this.leases = new LeaseDirectory(config.ipamDataDir().resolve(config.networkName()));
    }

    /** The owner's address: its existing lease, or a new one from host-local. */
    IpAssignment allocate(String ownerId) throws NetworkException {
        Optional<LeaseDirectory.Lease> existing = leases.find(ownerId, IFNAME);
        if (existing.isPresent()) {
            return new IpAssignment(existing.get().address(), config.subnet().prefixLength(), config.gateway());
        }
        JsonNode raw = executor.invoke(PLUGIN, new CniExecutor.CniRequest(CniCommand.ADD, ownerId, NO_NETNS, IFNAME,
                CniConfigs.ipamOnly(config)));
        return CniResult.parse(PLUGIN, raw).firstIpv4().orElseThrow(() -> new NetworkException.BadResult(
                "CNI " + PLUGIN + " returned no IPv4 address for '" + ownerId + "'", null));
    }

    /** Releases the owner's lease for {@code ifName}; nothing happens if it holds none. */
    void release(String ownerId, String ifName) throws NetworkException {
        executor.invoke(PLUGIN, new CniExecutor.CniRequest(CniCommand.DEL, ownerId, null, ifName,
                CniConfigs.ipamOnly(config)));
    }

    List<LeaseDirectory.Lease> leases() throws NetworkException.StateIo {
        return leases.leases();
    }
}
