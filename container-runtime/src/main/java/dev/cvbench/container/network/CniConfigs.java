package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Builds the network configuration JSON each plugin reads on stdin (CNI spec 1.0.0, which the Debian
 * {@code containernetworking-plugins} 1.1 speak). For the default network the bridge plugin gets:
 *
 * <pre>{@code
 * {"cniVersion":"1.0.0","name":"cvbench","type":"bridge","bridge":"cvbench0",
 *  "isGateway":true,"isDefaultGateway":false,"ipMasq":false,"mtu":1500,
 *  "ipam":{"type":"host-local","ranges":[[{"subnet":"10.213.0.0/24","gateway":"10.213.0.1"}]],
 *          "dataDir":"/run/cvbench/cni/networks"}}
 * }</pre>
 *
 * {@code isGateway} makes the plugin put the gateway address on the bridge (as
 * {@link CniNetwork#ensureBridge()} does without a container). The IPAM-only configuration used for
 * VMs has the same {@code name} and {@code ipam} section, so containers and VMs draw from one pool.
 */
final class CniConfigs {
    /** The spec version written into every configuration. */
    static final String CNI_VERSION = "1.0.0";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private CniConfigs() {}

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The loopback plugin: brings {@code lo} up inside the netns. */
    static ObjectNode loopback(NetworkConfig config) {
        ObjectNode node = header(config.networkName() + "-lo");
        node.put("type", "loopback");
        return node;
    }

    /** The bridge plugin with host-local IPAM. */
    static ObjectNode bridge(NetworkConfig config) {
        ObjectNode node = header(config.networkName());
        node.put("type", "bridge");
        node.put("bridge", config.bridgeName());
        node.put("isGateway", true);
        node.put("isDefaultGateway", config.defaultRoute());
        node.put("ipMasq", config.ipMasq());
        node.put("mtu", config.mtu());
        node.set("ipam", ipamSection(config));
        return node;
    }

    /** host-local alone, for owners without a netns (VMs): same name, same pool, same lease directory. */
    static ObjectNode ipamOnly(NetworkConfig config) {
        ObjectNode node = header(config.networkName());
        node.set("ipam", ipamSection(config));
        return node;
    }

    /** A copy of {@code config} carrying the ADD result, as DEL and CHECK expect. */
    static ObjectNode withPrevResult(ObjectNode config, JsonNode prevResult) {
        ObjectNode copy = config.deepCopy();
        if (prevResult != null && !prevResult.isNull() && !prevResult.isMissingNode()) {
            copy.set("prevResult", prevResult);
        }
        return copy;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise CNI config", e);
        }
    }

    private static ObjectNode header(String name) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cniVersion", CNI_VERSION);
        node.put("name", name);
        return node;
    }

    private static ObjectNode ipamSection(NetworkConfig config) {
        ObjectNode ipam = MAPPER.createObjectNode();
        ipam.put("type", "host-local");
        ObjectNode range = MAPPER.createObjectNode();
        range.put("subnet", config.subnet().toString());
        range.put("gateway", config.gateway());
        ipam.putArray("ranges").addArray().add(range);
        ipam.put("dataDir", config.ipamDataDir().toString());
        return ipam;
    }
}
