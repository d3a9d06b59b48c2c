package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NetworkConfigTest {
    private static final Path ROOT = Path.of("/run/cvbench");

    @Test
    void defaultsAreTheSharedBridgeAndSubnet() {
        NetworkConfig c = NetworkConfig.defaults(ROOT);
        assertThat(c.bridgeName()).isEqualTo("cvbench0");
        assertThat(c.subnet()).hasToString("10.213.0.0/24");
        assertThat(c.gateway()).isEqualTo("10.213.0.1");
        assertThat(c.gatewayCidr()).isEqualTo("10.213.0.1/24");
        assertThat(c.ipMasq()).isFalse();
        assertThat(c.ipamDataDir()).isEqualTo(Path.of("/run/cvbench/cni/networks"));
        assertThat(c.attachmentsDir()).isEqualTo(Path.of("/run/cvbench/cni/attachments"));
        assertThat(c.cniBinDir()).isEqualTo(Path.of("/usr/lib/cni"));
    }

    @Test
    void gatewayFollowsTheSubnetUnlessSet() throws Exception {
        assertThat(NetworkConfig.builder(ROOT).subnet("10.213.42.0/24").build().gateway()).isEqualTo("10.213.42.1");
        assertThat(NetworkConfig.builder(ROOT).subnet("10.213.42.0/24").gateway("10.213.42.254").build().gatewayCidr())
                .isEqualTo("10.213.42.254/24");
    }

    @Test
    void rejectsGatewayOutsideSubnet() {
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.213.1.0/24").gateway("10.213.2.1").build())
                .isInstanceOf(NetworkException.InvalidConfig.class)
                .hasMessage("gateway '10.213.2.1' is not a host address of subnet 10.213.1.0/24; pick one inside it "
                        + "or leave the gateway unset");
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.213.1.0/24").gateway("10.213.1.255").build())
                .isInstanceOf(NetworkException.InvalidConfig.class);
    }

    @Test
    void rejectsBadSubnetsWithAHint() {
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.213.1.5/24").build())
                .hasMessage("subnet '10.213.1.5/24' has host bits set; did you mean 10.213.1.0/24?");
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.213.1.0").build())
                .hasMessageContaining("is not IPv4 CIDR");
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.300.1.0/24").build())
                .hasMessageContaining("octet 300 is above 255");
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).subnet("10.213.1.0/31").build())
                .hasMessageContaining("between /8 and /30");
    }

    @Test
    void rejectsBadNames() {
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).bridgeName("a-bridge-name-too-long").build())
                .isInstanceOf(NetworkException.InvalidConfig.class).hasMessageContaining("1 to 15");
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).networkName("../x").build())
                .isInstanceOf(NetworkException.InvalidConfig.class);
        assertThatThrownBy(() -> NetworkConfig.builder(ROOT).mtu(20).build()).hasMessageContaining("MTU 20");
    }

    @Test
    void subnetArithmetic() throws Exception {
        Ipv4Subnet s = Ipv4Subnet.parse("10.213.0.0/24");
        assertThat(s.host(1)).isEqualTo("10.213.0.1");
        assertThat(s.host(254)).isEqualTo("10.213.0.254");
        assertThatThrownBy(() -> s.host(255)).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.netmask()).isEqualTo("255.255.255.0");
        assertThat(s.contains("10.213.0.77")).isTrue();
        assertThat(s.contains("10.213.0.0")).isFalse();
        assertThat(s.contains("10.213.0.255")).isFalse();
        assertThat(s.contains("10.213.1.1")).isFalse();
        assertThat(s.contains("garbage")).isFalse();
        assertThat(Ipv4Subnet.parse("192.168.128.0/17").netmask()).isEqualTo("255.255.128.0");
        assertThat(Ipv4Subnet.parse("200.1.0.0/16").contains("200.1.255.254")).isTrue();
    }

    @Test
    void ipAssignmentForms() {
        IpAssignment ip = IpAssignment.fromCidr("10.213.0.5/24", "10.213.0.1");
        assertThat(ip.address()).isEqualTo("10.213.0.5");
        assertThat(ip.prefixLength()).isEqualTo(24);
        assertThat(ip.cidr()).isEqualTo("10.213.0.5/24");
        assertThat(ip.netmask()).isEqualTo("255.255.255.0");
        assertThat(ip.kernelIpArgument("eth0")).isEqualTo("ip=10.213.0.5::10.213.0.1:255.255.255.0::eth0:off");
        assertThat(new IpAssignment("172.16.3.9", 20, null).kernelIpArgument("eth1"))
                .isEqualTo("ip=172.16.3.9:::255.255.240.0::eth1:off");
        assertThatThrownBy(() -> new IpAssignment("10.213.0", 24, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
