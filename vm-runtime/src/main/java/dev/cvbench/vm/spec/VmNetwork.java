package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** The guest's network: none at all, or one virtio-net NIC on a host bridge (a tap device libvirt creates). */
public sealed interface VmNetwork {
    /** No NIC: the guest has only loopback. */
    record None() implements VmNetwork {
    }

    /**
     * One virtio-net NIC attached to {@code bridge}.
     *
     * @param bridge an existing host bridge, e.g. {@code cvbench0}
     * @param mac the NIC's MAC (lower case, colon separated), or empty to derive one from the VM name
     * @param address static guest address for /init to configure, or empty to leave eth0 unconfigured
     */
    record Bridge(String bridge, Optional<String> mac, Optional<GuestAddress> address) implements VmNetwork {
        private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
        private static final Pattern IFNAME = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

        public Bridge {
            Objects.requireNonNull(bridge, "bridge");
            Objects.requireNonNull(mac, "mac");
            Objects.requireNonNull(address, "address");
            mac = mac.map(m -> m.toLowerCase(Locale.ROOT));
        }

        /** Checks the bridge name and MAC, with messages a user can act on. */
        void validate() throws VmException.InvalidSpec {
            if (!IFNAME.matcher(bridge).matches()) {
                throw new VmException.InvalidSpec("network.bridge",
                        "'" + bridge + "' is not a Linux interface name (1-15 of A-Z a-z 0-9 _ . -)");
            }
            if (mac.isPresent() && !MAC.matcher(mac.get()).matches()) {
                throw new VmException.InvalidSpec("network.mac",
                        "'" + mac.get() + "' is not a MAC address; use six hex pairs, e.g. 52:54:00:12:34:56");
            }
            if (mac.isPresent() && (Integer.parseInt(mac.get().substring(0, 2), 16) & 1) == 1) {
                throw new VmException.InvalidSpec("network.mac", "'" + mac.get() + "' is a multicast MAC");
            }
        }
    }

    static VmNetwork none() {
        return new None();
    }

    static Bridge bridge(String name) {
        return new Bridge(name, Optional.empty(), Optional.empty());
    }
}
