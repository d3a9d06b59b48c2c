package dev.cvbench.container.network;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one bridged network containers and VMs share: a Linux bridge ({@code cvbench0}) holding the
 * gateway address of a subnet ({@code 10.213.0.0/24}, gateway {@code .1}), with addresses handed out
 * by the CNI {@code host-local} IPAM plugin from lease files under the cvbench state dir.
 *
 * <pre>{@code
 * NetworkConfig config = NetworkConfig.builder(Path.of("/run/cvbench"))
 *         .subnet("10.213.7.0/24")       // gateway defaults to 10.213.7.1
 *         .bridgeName("cvbt1234")
 *         .build();
 * config.ipamDataDir();                  // /run/cvbench/cni/networks (leases in .../cvbench/<ip>)
 * }</pre>
 *
 * @param networkName     the CNI network name; host-local keeps its leases in {@code ipamDataDir/<name>}
 * @param bridgeName      the Linux bridge (at most 15 characters)
 * @param subnet          the address pool
 * @param gateway         the bridge's own address inside {@code subnet}; the host is reachable there
 * @param mtu             MTU of the bridge and veths
 * @param ipMasq          whether the bridge plugin installs an iptables MASQUERADE rule (off: NAT left alone)
 * @param defaultRoute    whether containers get a default route through the gateway ({@code isDefaultGateway})
 * @param cniBinDir       where the CNI plugin binaries live ({@code CNI_PATH})
 * @param stateDir        the cvbench state root; network state lives under {@code stateDir/cni}
 */
public record NetworkConfig(String networkName, String bridgeName, Ipv4Subnet subnet, String gateway, int mtu,
        boolean ipMasq, boolean defaultRoute, Path cniBinDir, Path stateDir) {

    public static final String DEFAULT_NETWORK_NAME = "cvbench";
    public static final String DEFAULT_BRIDGE = "cvbench0";
    public static final String DEFAULT_SUBNET = "10.213.0.0/24";
    public static final int DEFAULT_MTU = 1500;
    public static final Path DEFAULT_CNI_BIN_DIR = Path.of("/usr/lib/cni");

    private static final Pattern IFNAME = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");
    private static final Pattern NETWORK_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    public NetworkConfig {
        Objects.requireNonNull(networkName, "networkName");
        Objects.requireNonNull(bridgeName, "bridgeName");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(cniBinDir, "cniBinDir");
        Objects.requireNonNull(stateDir, "stateDir");
    }

    /** The defaults ({@code cvbench0}, {@code 10.213.0.0/24}, {@code /usr/lib/cni}) under {@code stateDir}. */
    public static NetworkConfig defaults(Path stateDir) {
        try {
            return builder(stateDir).build();
        } catch (NetworkException.InvalidConfig e) {
            throw new IllegalStateException("built-in network defaults are invalid", e);
        }
    }

    public static Builder builder(Path stateDir) {
        return new Builder(stateDir);
    }

    /** Where host-local keeps its lease files: one directory per network name. */
    public Path ipamDataDir() {
        return stateDir.resolve("cni").resolve("networks");
    }

    /** Where this runtime records each attachment (the ADD result), for DEL, CHECK and stale cleanup. */
    public Path attachmentsDir() {
        return stateDir.resolve("cni").resolve("attachments");
    }

    /** The gateway with prefix, as assigned to the bridge: {@code 10.213.0.1/24}. */
    public String gatewayCidr() {
        return gateway + "/" + subnet.prefixLength();
    }

    /** Collects and validates the settings; {@link #build()} reports the first invalid one. */
    public static final class Builder {
        private final Path stateDir;
        private String networkName = DEFAULT_NETWORK_NAME;
        private String bridgeName = DEFAULT_BRIDGE;
        private String subnet = DEFAULT_SUBNET;
        private String gateway;
        private int mtu = DEFAULT_MTU;
        private boolean ipMasq;
        private boolean defaultRoute;
        private Path cniBinDir = DEFAULT_CNI_BIN_DIR;

        private Builder(Path stateDir) {
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        }

        public Builder networkName(String name) {
            this.networkName = name;
            return this;
        }

        public Builder bridgeName(String name) {
            this.bridgeName = name;
            return this;
        }

        /** The subnet in CIDR form; unless {@link #gateway(String)} is set the gateway is its first host. */
        public Builder subnet(String cidr) {
            this.subnet = cidr;
            return this;
        }

        public Builder gateway(String address) {
            this.gateway = address;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public Builder ipMasq(boolean ipMasq) {
            this.ipMasq = ipMasq;
            return this;
        }

        public Builder defaultRoute(boolean defaultRoute) {
            this.defaultRoute = defaultRoute;
            return this;
        }

        public Builder cniBinDir(Path dir) {
            this.cniBinDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        public NetworkConfig build() throws NetworkException.InvalidConfig {
            if (networkName == null || !NETWORK_NAME.matcher(networkName).matches()) {
                throw new NetworkException.InvalidConfig("network name '" + networkName
                        + "' is invalid; use letters, digits, '_', '.', '-'");
            }
            if (bridgeName == null || !IFNAME.matcher(bridgeName).matches()) {
                throw new NetworkException.InvalidConfig("bridge name '" + bridgeName
                        + "' is invalid; use 1 to 15 letters, digits, '_', '.', '-'");
            }
            if (mtu < 68 || mtu > 65535) {
                throw new NetworkException.InvalidConfig("MTU " + mtu + " is outside 68..65535");
            }
            Ipv4Subnet parsed = Ipv4Subnet.parse(subnet);
            String gw = gateway == null ? parsed.host(1) : gateway.strip();
            if (!parsed.contains(gw)) {
                throw new NetworkException.InvalidConfig("gateway '" + gw + "' is not a host address of subnet "
                        + parsed + "; pick one inside it or leave the gateway unset");
            }
            return new NetworkConfig(networkName, bridgeName, parsed, gw, mtu, ipMasq, defaultRoute, cniBinDir,
                    stateDir);
        }
    }
}
