package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A static IPv4 configuration for the guest's eth0, passed on the kernel command line as
 * {@code cvbench.ip=10.88.0.5/16,10.88.0.1} and applied by /init with busybox {@code ip}.
 *
 * @param address the guest's address
 * @param prefix network prefix length, 1..32
 * @param gateway default route, when there is one
 */
public record GuestAddress(Inet4Address address, int prefix, Optional<Inet4Address> gateway) {
    private static final Pattern DOTTED = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public GuestAddress {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(gateway, "gateway");
        if (prefix < 1 || prefix > 32) {
            throw new IllegalArgumentException("prefix must be 1..32, got " + prefix);
        }
    }

    /** Parses {@code ADDR/PREFIX} with an optional {@code ,GATEWAY}: {@code 10.88.0.5/16,10.88.0.1}. */
    public static GuestAddress parse(String text) throws VmException.InvalidSpec {
        String[] parts = text.trim().split(",", -1);
        String[] cidr = parts[0].split("/", -1);
        if (parts.length > 2 || cidr.length != 2) {
            throw invalid(text);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(cidr[1]);
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        if (prefix < 1 || prefix > 32) {
            throw invalid(text);
        }
        Optional<Inet4Address> gw = parts.length == 2 ? Optional.of(ipv4(parts[1], text)) : Optional.empty();
        return new GuestAddress(ipv4(cidr[0], text), prefix, gw);
    }

    /** The form /init parses: {@code 10.88.0.5/16,10.88.0.1} or {@code 10.88.0.5/16}. */
    public String toCmdlineValue() {
        return address.getHostAddress() + "/" + prefix + gateway.map(g -> "," + g.getHostAddress()).orElse("");
    }

    private static Inet4Address ipv4(String s, String whole) throws VmException.InvalidSpec {
        if (!DOTTED.matcher(s).matches()) {
            throw invalid(whole);
        }
        try {
            InetAddress a = InetAddress.getByName(s);
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        } catch (UnknownHostException e) {
            // fall through: a dotted quad with an octet over 255
        }
        throw invalid(whole);
    }

    private static VmException.InvalidSpec invalid(String text) {
        return new VmException.InvalidSpec("address",
                "'" + text + "' is not ADDR/PREFIX[,GATEWAY]; e.g. 10.88.0.5/16,10.88.0.1");
    }
}
