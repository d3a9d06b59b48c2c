package dev.cvbench.container.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The success result a plugin prints for ADD (CNI spec 1.0.0, "Success" section). For the bridge
 * plugin, {@code interfaces} lists the bridge, the host end of the veth, and the container end (the
 * only one with a {@code sandbox}); each entry of {@code ips} points at its interface by index.
 *
 * <pre>{@code
 * {"cniVersion":"1.0.0",
 *  "interfaces":[{"name":"cvbench0","mac":"..."},{"name":"veth695db2fd","mac":"..."},
 *                {"name":"eth0","mac":"56:7f:af:bc:85:5f","sandbox":"/var/run/netns/c1"}],
 *  "ips":[{"interface":2,"address":"10.213.0.2/24","gateway":"10.213.0.1"}],"dns":{}}
 * }</pre>
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CniResult(String cniVersion, List<Iface> interfaces, List<IpConfig> ips, List<Route> routes) {

    CniResult {
        interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
        ips = ips == null ? List.of() : List.copyOf(ips);
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Iface(String name, String mac, String sandbox) {
        boolean inSandbox() {
            return sandbox != null && !sandbox.isEmpty();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IpConfig(@JsonProperty("interface") Integer interfaceIndex, String address, String gateway) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Route(String dst, String gw) {}

    /**
     * Parses a plugin's stdout.
     *
     * @throws NetworkException.BadResult when it is not a CNI result
     */
    static CniResult parse(String plugin, JsonNode json) throws NetworkException.BadResult {
        try {
            return CniConfigs.mapper().treeToValue(json, CniResult.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new NetworkException.BadResult("CNI " + plugin + " printed an unreadable result: "
                    + e.getMessage(), e);
        }
    }

    /** The first IPv4 assignment, split into address, prefix and gateway. */
    Optional<IpAssignment> firstIpv4() {
        for (IpConfig ip : ips) {
            if (ip.address() != null && ip.address().indexOf(':') < 0) {
                return Optional.of(IpAssignment.fromCidr(ip.address(), ip.gateway()));
            }
        }
        return Optional.empty();
    }

    /** The interface inside the netns called {@code ifName}. */
    Optional<Iface> containerInterface(String ifName) {
        return interfaces.stream().filter(i -> i.inSandbox() && ifName.equals(i.name())).findFirst();
    }

    /** The host end of the veth: not in a sandbox and not the bridge itself. */
    Optional<Iface> hostVeth(String bridgeName) {
        return interfaces.stream().filter(i -> !i.inSandbox() && !bridgeName.equals(i.name())).findFirst();
    }
}
