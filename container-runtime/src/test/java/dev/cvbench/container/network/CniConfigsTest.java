package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CniConfigsTest {
    private static final NetworkConfig DEFAULTS = NetworkConfig.defaults(Path.of("/run/cvbench"));

    private static String pretty(JsonNode node) throws Exception {
        return CniConfigs.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "ar-EG"})
    void bridgeConfigMatchesGoldenInEveryLocale(String tag) throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag(tag));
        try {
            Golden.assertMatches("bridge-config.json", pretty(CniConfigs.bridge(DEFAULTS)));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void loopbackAndIpamOnlyConfigsMatchGolden() throws Exception {
        Golden.assertMatches("loopback-config.json", pretty(CniConfigs.loopback(DEFAULTS)));
        Golden.assertMatches("ipam-only-config.json", pretty(CniConfigs.ipamOnly(DEFAULTS)));
    }

    @Test
    void customSettingsReachTheBridgeConfig() throws Exception {
        NetworkConfig c = NetworkConfig.builder(Path.of("/tmp/st")).bridgeName("cvbt1").subnet("10.213.9.0/24")
                .mtu(9000).ipMasq(true).defaultRoute(true).networkName("t1").build();
        ObjectNode n = CniConfigs.bridge(c);
        assertThat(n.get("bridge").asText()).isEqualTo("cvbt1");
        assertThat(n.get("name").asText()).isEqualTo("t1");
        assertThat(n.get("mtu").asInt()).isEqualTo(9000);
        assertThat(n.get("ipMasq").asBoolean()).isTrue();
        assertThat(n.get("isDefaultGateway").asBoolean()).isTrue();
        JsonNode range = n.at("/ipam/ranges/0/0");
        assertThat(range.get("subnet").asText()).isEqualTo("10.213.9.0/24");
        assertThat(range.get("gateway").asText()).isEqualTo("10.213.9.1");
        assertThat(n.at("/ipam/dataDir").asText()).isEqualTo("/tmp/st/cni/networks");
    }

    @Test
    void ipamOnlySharesNameAndPoolWithTheBridge() {
        assertThat(CniConfigs.ipamOnly(DEFAULTS).get("ipam")).isEqualTo(CniConfigs.bridge(DEFAULTS).get("ipam"));
        assertThat(CniConfigs.ipamOnly(DEFAULTS).get("name")).isEqualTo(CniConfigs.bridge(DEFAULTS).get("name"));
    }

    @Test
    void prevResultIsAddedToACopy() throws Exception {
        ObjectNode base = CniConfigs.bridge(DEFAULTS);
        JsonNode prev = CniConfigs.mapper().readTree(Golden.read("bridge-add-result-1.0.0.json"));
        ObjectNode withPrev = CniConfigs.withPrevResult(base, prev);
        assertThat(withPrev.get("prevResult")).isEqualTo(prev);
        assertThat(base.has("prevResult")).isFalse();
        assertThat(CniConfigs.withPrevResult(base, null).has("prevResult")).isFalse();
    }
}
