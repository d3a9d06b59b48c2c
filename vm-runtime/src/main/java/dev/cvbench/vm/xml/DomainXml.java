package dev.cvbench.vm.xml;

import dev.cvbench.vm.VmException;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.KernelCmdline;
import dev.cvbench.vm.spec.VmNetwork;
import dev.cvbench.vm.spec.VmSpec;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns a {@link VmSpec} into libvirt domain XML (https://libvirt.org/formatdomain.html), built as a DOM
 * so every value is escaped. The shape, and why:
 *
 * <ul>
 *   <li>{@code <os>} with {@code <kernel>}, {@code <initrd>}, {@code <cmdline>}: direct kernel boot, no disk,
 *       no boot loader; QEMU loads the files itself.</li>
 *   <li>{@code <features><acpi/></features>}: without ACPI, {@code poweroff -f} in the guest cannot turn the
 *       machine off and the domain would never end.</li>
 *   <li>{@code <cpu mode='host-passthrough'>} for KVM (the host CPU as is); {@code <cpu mode='maximum'>} for TCG,
 *       every feature QEMU can emulate ({@code host-passthrough} needs KVM).</li>
 *   <li>{@code <on_poweroff>/<on_reboot>/<on_crash>destroy}: any way the guest ends, the domain goes away
 *       (with {@code panic=-1} a kernel panic reboots, which also ends it).</li>
 *   <li>No USB controller, {@code <memballoon model='none'/>}, no graphics or video: less to emulate and probe.</li>
 *   <li>{@code <serial type='unix'><source mode='connect'>}: QEMU connects to a UNIX socket the host listens on
 *       before the domain starts, so not one console byte is lost and each is stamped when it arrives (a pty or
 *       a log file would lose early output or add polling delay).</li>
 *   <li>{@code <interface type='bridge'>} with a virtio NIC on the shared bridge, when the spec has one.</li>
 * </ul>
 */
public final class DomainXml {
    private DomainXml() {
    }

    /**
     * The domain XML.
     *
     * @param spec the VM
     * @param type the resolved domain type ({@link DomainType#KVM} or {@link DomainType#QEMU}, never AUTO)
     * @param consoleSocket UNIX socket the host listens on for the serial console
     * @throws VmException.CommandLineTooLong when the spec's kernel command line is too long
     */
    public static String of(VmSpec spec, DomainType type, Path consoleSocket) throws VmException.CommandLineTooLong {
        Document doc = newDocument();
        Element domain = child(doc, doc, "domain");
        domain.setAttribute("type", type.libvirtName());
        text(doc, domain, "name", spec.domainName());
        Element memory = text(doc, domain, "memory", Long.toString(spec.memory().kib()));
        memory.setAttribute("unit", "KiB");
        text(doc, domain, "vcpu", Integer.toString(spec.vcpus()));
        appendOs(doc, domain, spec);
        child(doc, child(doc, domain, "features"), "acpi");
        appendCpu(doc, domain, type);
        text(doc, domain, "on_poweroff", "destroy");
        text(doc, domain, "on_reboot", "destroy");
        text(doc, domain, "on_crash", "destroy");
        appendDevices(doc, domain, spec, consoleSocket);
        return serialize(doc);
    }

    /**
     * A locally administered unicast MAC derived from the domain name ({@code 52:54:00} is QEMU's prefix), so a
     * VM keeps its MAC across reboots without the caller choosing one.
     */
    public static String derivedMac(String domainName) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(domainName.getBytes(StandardCharsets.UTF_8));
            return String.format("52:54:00:%02x:%02x:%02x", h[0] & 0xff, h[1] & 0xff, h[2] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void appendOs(Document doc, Element domain, VmSpec spec) throws VmException.CommandLineTooLong {
        Element os = child(doc, domain, "os");
        Element type = text(doc, os, "type", "hvm");
        type.setAttribute("arch", "x86_64");
        type.setAttribute("machine", spec.machine());
        text(doc, os, "kernel", spec.kernel().toAbsolutePath().toString());
        text(doc, os, "initrd", spec.initramfs().toAbsolutePath().toString());
        text(doc, os, "cmdline", KernelCmdline.of(spec));
    }

    private static void appendCpu(Document doc, Element domain, DomainType type) {
        Element cpu = child(doc, domain, "cpu");
        cpu.setAttribute("mode", type == DomainType.KVM ? "host-passthrough" : "maximum");
    }

    private static void appendDevices(Document doc, Element domain, VmSpec spec, Path consoleSocket) {
        Element devices = child(doc, domain, "devices");
        Element usb = child(doc, devices, "controller");
        usb.setAttribute("type", "usb");
        usb.setAttribute("model", "none");
        Element serial = child(doc, devices, "serial");
        serial.setAttribute("type", "unix");
        Element source = child(doc, serial, "source");
        source.setAttribute("mode", "connect");
        source.setAttribute("path", consoleSocket.toAbsolutePath().toString());
        child(doc, serial, "target").setAttribute("port", "0");
        if (spec.network() instanceof VmNetwork.Bridge bridge) {
            Element nic = child(doc, devices, "interface");
            nic.setAttribute("type", "bridge");
            child(doc, nic, "source").setAttribute("bridge", bridge.bridge());
            child(doc, nic, "mac").setAttribute("address", bridge.mac().orElse(derivedMac(spec.domainName())));
            child(doc, nic, "model").setAttribute("type", "virtio");
        }
        child(doc, devices, "memballoon").setAttribute("model", "none");
    }

    private static Document newDocument() {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's default DOM implementation is unavailable", e);
        }
    }

    private static Element child(Document doc, org.w3c.dom.Node parent, String name) {
        Element e = doc.createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static Element text(Document doc, Element parent, String name, String value) {
        Element e = child(doc, parent, name);
        e.setTextContent(value);
        return e;
    }

    private static String serialize(Document doc) {
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString().replace("\r\n", "\n").strip() + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException("serializing an in-memory DOM cannot fail", e);
        }
    }
}
