package dev.cvbench.vm.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.GuestAddress;
import dev.cvbench.vm.spec.VmNetwork;
import dev.cvbench.vm.spec.VmSpec;
import dev.cvbench.vm.testutil.Golden;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DomainXmlTest {
    private static final Path SOCKET = Path.of("/run/cvbench/console/cvbench-t.sock");

    private static VmSpec.Builder base(String name) {
        return VmSpec.builder().name(name).kernel(Path.of("/var/cache/cvbench/vmlinuz-6.1.0-56-cloud-amd64"))
                .initramfs(Path.of("/var/cache/cvbench/initramfs-0123456789abcdef.cpio"))
                .argv(List.of("echo", "hello"));
    }

    @Test
    void tcgWithoutNetwork() throws Exception {
        Golden.assertMatches("dev/cvbench/vm/xml/qemu-nonet.xml",
                DomainXml.of(base("plain").build(), DomainType.QEMU, SOCKET));
    }

    @Test
    void kvmOnBridgeWithStaticAddressAndTwoVcpus() throws Exception {
        VmSpec s = base("net").vcpus(2).memory("1G").hostname("guest")
                .network(new VmNetwork.Bridge("cvbench0", Optional.of("52:54:00:AA:BB:CC"),
                        Optional.of(GuestAddress.parse("10.88.0.5/16,10.88.0.1"))))
                .build();
        Golden.assertMatches("dev/cvbench/vm/xml/kvm-bridge.xml", DomainXml.of(s, DomainType.KVM, SOCKET));
    }

    @Test
    void tcgOnBridgeWithDerivedMacVerboseKernelAndQ35() throws Exception {
        VmSpec s = base("tcgnet").machine("q35").quietKernel(false).cmdlineExtra("mitigations=off").cmdlineExtra("x=a&b<c")
                .env("CVBENCH_MODE", "x & <y>").network(VmNetwork.bridge("cvbt-vm")).build();
        Golden.assertMatches("dev/cvbench/vm/xml/qemu-bridge.xml", DomainXml.of(s, DomainType.QEMU, SOCKET));
    }

    @Test
    void outputIsWellFormedAndHasTheElementsTheGuestNeeds() throws Exception {
        String xml = DomainXml.of(base("x").network(VmNetwork.bridge("cvbench0")).build(), DomainType.QEMU, SOCKET);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var xp = XPathFactory.newInstance().newXPath();
        assertThat(xp.evaluate("/domain/@type", doc)).isEqualTo("qemu");
        assertThat(xp.evaluate("count(/domain/features/acpi)", doc)).isEqualTo("1");
        assertThat(xp.evaluate("/domain/devices/controller[@type='usb']/@model", doc)).isEqualTo("none");
        assertThat(xp.evaluate("/domain/devices/memballoon/@model", doc)).isEqualTo("none");
        assertThat(xp.evaluate("/domain/on_poweroff", doc)).isEqualTo("destroy");
        assertThat(xp.evaluate("/domain/devices/serial/source/@path", doc)).isEqualTo(SOCKET.toString());
        assertThat(xp.evaluate("/domain/devices/interface/model/@type", doc)).isEqualTo("virtio");
        assertThat(xp.evaluate("count(/domain/devices/graphics | /domain/devices/video)", doc)).isEqualTo("0");
        assertThat(xp.evaluate("/domain/cpu/@mode", doc)).isEqualTo("maximum");
    }

    @Test
    void derivedMacIsStableLocallyAdministeredUnicast() {
        String mac = DomainXml.derivedMac("cvbench-a");
        assertThat(mac).matches("52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}")
                .isEqualTo(DomainXml.derivedMac("cvbench-a")).isNotEqualTo(DomainXml.derivedMac("cvbench-b"));
    }
}
