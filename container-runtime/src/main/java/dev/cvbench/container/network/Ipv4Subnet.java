package dev.cvbench.container.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IPv4 network in CIDR form, such as {@code 10.213.0.0/24}: the pool containers and VMs draw their
 * addresses from. Host bits must be zero, and the prefix leaves room for a gateway and at least two
 * hosts (/8 to /30).
 *
 * <pre>{@code
 * Ipv4Subnet s = Ipv4Subnet.parse("10.213.0.0/24");
 * s.host(1);         // "10.213.0.1" (the default gateway)
 * s.netmask();       // "255.255.255.0"
 * s.contains("10.213.0.77");  // true
 * }</pre>
 */
public record Ipv4Subnet(int network, int prefixLength) {
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern ADDRESS = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public Ipv4Subnet {
        if (prefixLength < 8 || prefixLength > 30) {
            throw new IllegalArgumentException("prefix length must be between 8 and 30, not " + prefixLength);
        }
        if ((network & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(format(network) + "/" + prefixLength + " has host bits set");
        }
    }

    /**
     * Parses {@code a.b.c.d/n}.
     *
     * @throws NetworkException.InvalidConfig naming the input and the expected form
     */
    public static Ipv4Subnet parse(String cidr) throws NetworkException.InvalidConfig {
        Matcher m = CIDR.matcher(cidr == null ? "" : cidr.strip());
        if (!m.matches()) {
            throw new NetworkException.InvalidConfig("subnet '" + cidr + "' is not IPv4 CIDR; use a form like 10.213.0.0/24");
        }
        int prefix = Integer.parseInt(m.group(5));
        int address;
        try {
            address = toInt(m.group(1), m.group(2), m.group(3), m.group(4));
        } catch (IllegalArgumentException e) {
            throw new NetworkException.InvalidConfig("subnet '" + cidr + "': " + e.getMessage());
        }
        if (prefix < 8 || prefix > 30) {
            throw new NetworkException.InvalidConfig("subnet '" + cidr + "': prefix must be between /8 and /30");
        }
        if ((address & ~mask(prefix)) != 0) {
            throw new NetworkException.InvalidConfig("subnet '" + cidr + "' has host bits set; did you mean "
                    + format(address & mask(prefix)) + "/" + prefix + "?");
        }
        return new Ipv4Subnet(address, prefix);
    }

    /** Parses a dotted-quad address into its 32-bit value. */
    static int parseAddress(String address) {
        Matcher m = ADDRESS.matcher(address == null ? "" : address.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address");
        }
        return toInt(m.group(1), m.group(2), m.group(3), m.group(4));
    }

    /** The address {@code index} hosts into the subnet: {@code host(1)} is the conventional gateway. */
    public String host(int index) {
        if (index < 1 || index >= size() - 1) {
            throw new IllegalArgumentException("host index " + index + " outside " + this);
        }
        return format(network + index);
    }

    /** Whether {@code address} is a usable host address of this subnet (not the network or broadcast address). */
    public boolean contains(String address) {
        int a;
        try {
            a = parseAddress(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int offset = a - network;
        return (a & mask(prefixLength)) == network && offset > 0 && offset < size() - 1;
    }

    /** The netmask in dotted form, for the kernel's {@code ip=} parameter. */
    public String netmask() {
        return format(mask(prefixLength));
    }

    /** The network address without prefix. */
    public String networkAddress() {
        return format(network);
    }

    private long size() {
        return 1L << (32 - prefixLength);
    }

    @Override
    public String toString() {
        return format(network) + "/" + prefixLength;
    }

    private static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    private static int toInt(String a, String b, String c, String d) {
        int result = 0;
        for (String octet : new String[] {a, b, c, d}) {
            int v = Integer.parseInt(octet);
            if (v > 255) {
                throw new IllegalArgumentException("octet " + v + " is above 255");
            }
            result = (result << 8) | v;
        }
        return result;
    }

    static String format(int address) {
        return ((address >>> 24) & 0xff) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
