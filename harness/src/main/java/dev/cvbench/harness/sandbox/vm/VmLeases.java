package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.container.network.CniNetwork;
import dev.cvbench.container.network.IpAssignment;
import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.container.network.NetworkException;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.spec.GuestAddress;
import dev.cvbench.vm.spec.VmNetwork;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VM addresses on the bridge containers also use ({@code cvbench0}): leased from the shared CNI host-local pool
 * under owner {@code vm-<name>}, and remembered as an empty marker file {@code <vm state>/leases/vm-<name>}
 * written <em>before</em> the lease is taken, so a killed run's leases can be found and released later without
 * touching the containers' ones.
 */
final class VmLeases {
    static final String OWNER_PREFIX = "vm-";

    private final CniNetwork network;
    private final Path markers;

    VmLeases(Path stateRoot, Path vmStateDir) {
        this.network = new CniNetwork(NetworkConfig.defaults(stateRoot));
        this.markers = vmStateDir.resolve("leases");
    }

    static String owner(String vmName) {
        return OWNER_PREFIX + vmName;
    }

    /** Makes sure the bridge is up, leases an address for {@code vmName}, and returns the NIC to give the VM. */
    VmNetwork.Bridge attach(String vmName) throws NetworkException, VmException.InvalidSpec {
        network.ensureBridge();
        String owner = owner(vmName);
        try {
            Files.createDirectories(markers);
            Files.writeString(markers.resolve(owner), "");
        } catch (IOException e) {
            throw new NetworkException("cannot record the lease of " + owner + " under " + markers + ": " + e.getMessage(), e);
        }
        IpAssignment ip = network.allocateAddress(owner);
        GuestAddress address = GuestAddress.parse(ip.cidr() + (ip.gateway() == null ? "" : "," + ip.gateway()));
        return new VmNetwork.Bridge(network.config().bridgeName(), Optional.empty(), Optional.of(address));
    }

    /** Returns the address of {@code vmName} to the pool and forgets the marker; quiet when it holds none. */
    void release(String vmName) throws NetworkException {
        String owner = owner(vmName);
        network.releaseAddress(owner);
        try {
            Files.deleteIfExists(markers.resolve(owner));
        } catch (IOException e) {
            throw new NetworkException("cannot delete lease marker " + markers.resolve(owner) + ": " + e.getMessage(), e);
        }
    }

    /** Releases the leases of every recorded VM not in {@code liveNames}; one line per lease released. */
    List<String> releaseStale(Set<String> liveNames) {
        List<String> removed = new ArrayList<>();
        if (!Files.isDirectory(markers)) {
            return removed;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(markers, OWNER_PREFIX + "*")) {
            for (Path f : files) {
                String name = f.getFileName().toString().substring(OWNER_PREFIX.length());
                if (liveNames.contains(name)) {
                    continue;
                }
                try {
                    release(name);
                    removed.add("released address lease of " + owner(name));
                } catch (NetworkException e) {
                    removed.add("could not release the lease of " + owner(name) + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            removed.add("could not list " + markers + ": " + e.getMessage());
        }
        return removed;
    }
}
