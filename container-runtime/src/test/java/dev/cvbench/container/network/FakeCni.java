package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A recording stand-in for the plugins and {@code ip}: host-local is emulated on real lease files in
 * the configured data dir (so lease logic sees what the real plugin leaves), bridge ADD hands out the
 * next free address and reports a host veth, and chosen invocations can be made to fail.
 */
final class FakeCni implements CniExecutor, HostLinks {
    final List<String> calls = new ArrayList<>();
    final Set<String> links = new HashSet<>();
    private final NetworkConfig config;
    private Predicate<CniRequest> failWhen = r -> false;
    private String failPlugin = "";
    private int vethCounter;

    FakeCni(NetworkConfig config) {
        this.config = config;
    }

    void failOn(String plugin, Predicate<CniRequest> when) {
        this.failPlugin = plugin;
        this.failWhen = when;
    }

    Path leaseDir() {
        return config.ipamDataDir().resolve(config.networkName());
    }

    @Override
    public JsonNode invoke(String plugin, CniRequest r) throws NetworkException {
        calls.add(plugin + " " + r.command() + " " + r.containerId() + " " + r.ifName() + " netns=" + r.netns()
                + (r.config().has("prevResult") ? " +prev" : ""));
        if (plugin.equals(failPlugin) && failWhen.test(r)) {
            throw new NetworkException.PluginFailed(plugin, r.command(), r.containerId(), 999, "injected failure", "");
        }
        if (plugin.equals("loopback") || r.command() == CniCommand.CHECK) {
            return CniConfigs.mapper().createObjectNode();
        }
        if (r.command() == CniCommand.DEL) {
            releaseLease(r.containerId(), r.ifName());
            return CniConfigs.mapper().createObjectNode();
        }
        String address = allocateLease(r.containerId(), r.ifName());
        String json = plugin.equals("bridge")
                ? """
                  {"cniVersion":"1.0.0","interfaces":[{"name":"%s","mac":"aa:aa:aa:aa:aa:aa"},
                   {"name":"%s","mac":"bb:bb:bb:bb:bb:bb"},{"name":"%s","mac":"02:00:00:00:00:%02x","sandbox":"%s"}],
                   "ips":[{"interface":2,"address":"%s/%d","gateway":"%s"}]}"""
                        .formatted(config.bridgeName(), newVeth(), r.ifName(), vethCounter, r.netns(), address,
                                config.subnet().prefixLength(), config.gateway())
                : """
                  {"cniVersion":"1.0.0","ips":[{"address":"%s/%d","gateway":"%s"}]}"""
                        .formatted(address, config.subnet().prefixLength(), config.gateway());
        try {
            return CniConfigs.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String newVeth() {
        String name = "vethfake" + (++vethCounter);
        links.add(name);
        return name;
    }

    private String allocateLease(String id, String ifName) {
        try {
            Files.createDirectories(leaseDir());
            for (int host = 2; ; host++) {
                Path lease = leaseDir().resolve(config.subnet().host(host));
                if (!Files.exists(lease)) {
                    Files.writeString(lease, id + "\r\n" + ifName);
                    return lease.getFileName().toString();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void releaseLease(String id, String ifName) {
        if (!Files.isDirectory(leaseDir())) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(leaseDir())) {
            for (Path f : files) {
                if (Files.readString(f).equals(id + "\r\n" + ifName)) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void ensureBridge(String bridge, String gatewayCidr, int mtu) {
        calls.add("ensureBridge " + bridge + " " + gatewayCidr + " mtu=" + mtu);
        links.add(bridge);
    }

    @Override
    public boolean exists(String link) {
        return links.contains(link);
    }

    @Override
    public void delete(String link) {
        if (links.remove(link)) {
            calls.add("ip link del " + link);
        }
    }
}
