package dev.cvbench.vm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VmSpecTest {
    static VmSpec.Builder valid() {
        return VmSpec.builder().name("t1").kernel(Path.of("/k")).initramfs(Path.of("/i"));
    }

    @Test
    void defaultsAreOneVcpu256MiBNoNetworkAutoTypeQuietKernel() throws Exception {
        VmSpec s = valid().build();
        assertThat(s.vcpus()).isEqualTo(1);
        assertThat(s.memory().mib()).isEqualTo(256);
        assertThat(s.network()).isInstanceOf(VmNetwork.None.class);
        assertThat(s.domainType()).isEqualTo(DomainType.AUTO);
        assertThat(s.quietKernel()).isTrue();
        assertThat(s.domainName()).isEqualTo("cvbench-t1");
    }

    @Test
    void memoryTextIsParsedAtBuild() throws Exception {
        assertThat(valid().memory("1G").build().memory().mib()).isEqualTo(1024);
    }

    @Test
    void toBuilderRoundTrips() throws Exception {
        VmSpec s = valid().vcpus(2).env("A", "b").hostname("h").build();
        VmSpec copy = s.toBuilder().build();
        assertThat(copy.vcpus()).isEqualTo(2);
        assertThat(copy.env()).containsEntry("A", "b");
        assertThat(copy.hostname()).contains("h");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("name", (UnaryOperator<VmSpec.Builder>) b -> b.name("Bad_Name")),
                Arguments.of("name", (UnaryOperator<VmSpec.Builder>) b -> b.name(null)),
                Arguments.of("vcpus", (UnaryOperator<VmSpec.Builder>) b -> b.vcpus(0)),
                Arguments.of("memory", (UnaryOperator<VmSpec.Builder>) b -> b.memory("12Q")),
                Arguments.of("memory", (UnaryOperator<VmSpec.Builder>) b -> b.memory("16M")),
                Arguments.of("kernel", (UnaryOperator<VmSpec.Builder>) b -> b.kernel(null)),
                Arguments.of("initramfs", (UnaryOperator<VmSpec.Builder>) b -> b.initramfs(null)),
                Arguments.of("cmdline", (UnaryOperator<VmSpec.Builder>) b -> b.cmdlineExtra("two words")),
                Arguments.of("cmdline", (UnaryOperator<VmSpec.Builder>) b -> b.cmdlineExtra("cvbench.argv=x")),
                Arguments.of("env", (UnaryOperator<VmSpec.Builder>) b -> b.env("1X", "y")),
                Arguments.of("hostname", (UnaryOperator<VmSpec.Builder>) b -> b.hostname("a b")),
                Arguments.of("network.bridge", (UnaryOperator<VmSpec.Builder>) b ->
                        b.network(VmNetwork.bridge("this-name-is-too-long"))),
                Arguments.of("network.mac", (UnaryOperator<VmSpec.Builder>) b ->
                        b.network(new VmNetwork.Bridge("br0", Optional.of("52:54:00:zz:00:01"), Optional.empty()))),
                Arguments.of("network.mac", (UnaryOperator<VmSpec.Builder>) b ->
                        b.network(new VmNetwork.Bridge("br0", Optional.of("01:00:5e:00:00:01"), Optional.empty()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsInvalidFieldsNamingTheField(String field, UnaryOperator<VmSpec.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build()).isInstanceOf(VmException.InvalidSpec.class)
                .satisfies(e -> assertThat(((VmException.InvalidSpec) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void guestAddressParsesWithAndWithoutGateway() throws Exception {
        assertThat(GuestAddress.parse("10.88.0.5/16,10.88.0.1").toCmdlineValue()).isEqualTo("10.88.0.5/16,10.88.0.1");
        assertThat(GuestAddress.parse("192.168.1.2/24").gateway()).isEmpty();
        for (String bad : new String[] {"10.88.0.5", "10.88.0.5/33", "10.88.0.300/16", "host/16", "1.2.3.4/8,x"}) {
            assertThatThrownBy(() -> GuestAddress.parse(bad)).isInstanceOf(VmException.InvalidSpec.class);
        }
    }

    @Test
    void domainTypeParsesTcgAsQemu() {
        assertThat(DomainType.parse("tcg")).isEqualTo(DomainType.QEMU);
        assertThat(DomainType.parse("KVM").libvirtName()).isEqualTo("kvm");
        assertThatThrownBy(() -> DomainType.AUTO.libvirtName()).isInstanceOf(IllegalStateException.class);
    }
}
