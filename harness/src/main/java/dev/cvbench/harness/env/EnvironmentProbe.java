package dev.cvbench.harness.env;

import dev.cvbench.core.result.Environment;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Captures the host facts every result file carries. Never fails: what it cannot read is "unknown". */
public final class EnvironmentProbe {
    private EnvironmentProbe() {}

    public static Environment capture() {
        return new Environment(
                hostname(),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                read(Path.of("/proc/sys/kernel/osrelease")).orElse(System.getProperty("os.version")),
                osName(),
                CgroupLayout.detect().describe(),
                Kvm.usable(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                tools());
    }

    static Map<String, String> tools() {
        Map<String, String> t = new TreeMap<>();
        t.put("qemu", version(List.of("qemu-system-x86_64", "--version")));
        t.put("libvirt", Tools.debianPackage("libvirt0").orElse("absent"));
        t.put("runc", version(List.of("runc", "--version")));
        t.put("crun", version(List.of("crun", "--version")));
        t.put("gcc", version(List.of("gcc", "--version")));
        t.put("busybox", Tools.debianPackage("busybox-static").orElse("absent"));
        t.put("cni_plugins", Tools.debianPackage("containernetworking-plugins").orElse("absent"));
        return t;
    }

    private static String version(List<String> argv) {
        return Tools.firstLine(argv).orElse("absent");
    }

    static String cpuModel() {
        try {
            return cpuModel(Files.readAllLines(Path.of("/proc/cpuinfo")));
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String cpuModel(List<String> cpuinfo) {
        return cpuinfo.stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
    }

    static long memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D+", "")) * 1024).findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    static String osName() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(l.indexOf('=') + 1).replace("\"", "")).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return read(Path.of("/proc/sys/kernel/hostname")).orElse("unknown");
        }
    }

    private static Optional<String> read(Path p) {
        try {
            return Optional.of(Files.readString(p).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
