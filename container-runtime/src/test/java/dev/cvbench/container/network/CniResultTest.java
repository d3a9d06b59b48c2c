package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class CniResultTest {
    private static JsonNode json(String text) throws Exception {
        return CniConfigs.mapper().readTree(text);
    }

    @Test
    void bridgeResultYieldsAddressMacAndHostVeth() throws Exception {
        CniResult r = CniResult.parse("bridge", json(Golden.read("bridge-add-result-1.0.0.json")));
        assertThat(r.cniVersion()).isEqualTo("1.0.0");
        assertThat(r.firstIpv4()).contains(new IpAssignment("10.213.200.2", 24, "10.213.200.1"));
        assertThat(r.containerInterface("eth0")).map(CniResult.Iface::mac).contains("56:7f:af:bc:85:5f");
        assertThat(r.containerInterface("eth1")).isEmpty();
        assertThat(r.hostVeth("cvbtexp")).map(CniResult.Iface::name).contains("veth695db2fd");
        assertThat(r.ips()).singleElement().extracting(CniResult.IpConfig::interfaceIndex).isEqualTo(2);
    }

    @Test
    void hostLocalResultHasAnAddressAndNoInterfaces() throws Exception {
        CniResult r = CniResult.parse("host-local", json(Golden.read("host-local-add-result-1.0.0.json")));
        assertThat(r.interfaces()).isEmpty();
        assertThat(r.firstIpv4()).contains(new IpAssignment("10.213.200.3", 24, "10.213.200.1"));
    }

    @Test
    void ipv6EntriesAreSkipped() throws Exception {
        CniResult r = CniResult.parse("bridge", json("""
                {"cniVersion":"1.0.0","ips":[{"address":"fd00::5/64"},{"address":"10.1.2.3/16","gateway":"10.1.0.1"}],
                 "routes":[{"dst":"0.0.0.0/0","gw":"10.1.0.1"}],"extra":true}"""));
        assertThat(r.firstIpv4()).contains(new IpAssignment("10.1.2.3", 16, "10.1.0.1"));
        assertThat(r.routes()).singleElement().extracting(CniResult.Route::gw).isEqualTo("10.1.0.1");
    }

    @Test
    void malformedResultIsABadResult() {
        assertThatThrownBy(() -> CniResult.parse("bridge", json("{\"ips\":\"nope\"}")))
                .isInstanceOf(NetworkException.BadResult.class)
                .hasMessageStartingWith("CNI bridge printed an unreadable result");
    }
}
