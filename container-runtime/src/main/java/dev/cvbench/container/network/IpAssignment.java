package dev.cvbench.container.network;

import java.util.Objects;

/**
 * One IPv4 address from the shared pool, with the subnet's prefix and gateway: what a container's
 * interface gets from the bridge plugin, and what {@link CniNetwork#allocateAddress(String)} hands a VM.
 *
 * <pre>{@code
 * IpAssignment ip = new IpAssignment("10.213.0.5", 24, "10.213.0.1");
 * ip.cidr();                       // "10.213.0.5/24"
 * ip.netmask();                    // "255.255.255.0"
 * ip.kernelIpArgument("eth0");     // "ip=10.213.0.5::10.213.0.1:255.255.255.0::eth0:off"
 * }</pre>
 */
public record IpAssignment(String address, int prefixLength, String gateway) {
    public IpAssignment {
        Objects.requireNonNull(address, "address");
        Ipv4Subnet.parseAddress(address);
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " outside 0..32");
        }
    }

    /** Parses the CNI form {@code 10.213.0.5/24}. */
    static IpAssignment fromCidr(String cidr, String gateway) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + cidr + "' has no prefix length");
        }
        return new IpAssignment(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)), gateway);
    }

    public String cidr() {
        return address + "/" + prefixLength;
    }

    public String netmask() {
        return Ipv4Subnet.format(prefixLength == 0 ? 0 : -1 << (32 - prefixLength));
    }

    /**
     * The Linux kernel's static {@code ip=} boot parameter
     * ({@code ip=<client>:<server>:<gateway>:<netmask>:<hostname>:<device>:<autoconf>}), for guests
     * configured on the kernel command line. Only kernels built with {@code CONFIG_IP_PNP} apply it
     * themselves; the Debian cloud kernel is not, so there the guest's {@code /init} reads it from
     * {@code /proc/cmdline} and runs {@code ip addr add <cidr> dev eth0; ip link set eth0 up}.
     */
    public String kernelIpArgument(String device) {
        return "ip=" + address + "::" + (gateway == null ? "" : gateway) + ":" + netmask() + "::" + device + ":off";
    }
}
