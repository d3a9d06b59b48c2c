package dev.cvbench.container.network;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's interface on the shared bridge, as {@link CniNetwork#attach} left it.
 *
 * <pre>{@code
 * Attachment a = network.attach("web1", Path.of("/run/cvbench/netns/web1"), "eth0");
 * a.ip().cidr();      // "10.213.0.2/24"
 * a.ip().gateway();   // "10.213.0.1" (the bridge: the host answers there)
 * a.mac();            // "56:7f:af:bc:85:5f"
 * a.hostVeth();       // Optional[veth695db2fd], the host end, a port of cvbench0
 * }</pre>
 *
 * @param containerId the owner, also the IPAM lease key
 * @param ifName      the interface name inside the netns
 * @param netnsPath   the network namespace it lives in
 * @param ip          address, prefix and gateway
 * @param mac         the container interface's MAC, empty if the plugin did not report it
 * @param hostVethName the host end of the veth pair, or {@code null} if the plugin did not report it
 */
public record Attachment(String containerId, String ifName, Path netnsPath, IpAssignment ip, String mac,
        String hostVethName) {
    public Attachment {
        Objects.requireNonNull(containerId, "containerId");
        Objects.requireNonNull(ifName, "ifName");
        Objects.requireNonNull(netnsPath, "netnsPath");
        Objects.requireNonNull(ip, "ip");
        mac = mac == null ? "" : mac;
    }

    public Optional<String> hostVeth() {
        return Optional.ofNullable(hostVethName);
    }
}
