package dev.cvbench.container.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HostLinks} through iproute2's {@code ip}. The bridge ends up as the bridge plugin with
 * {@code isGateway: true} leaves it: type bridge, gateway address with the subnet's prefix, up. The
 * plugin then finds the address already present and accepts the bridge as its own.
 */
final class IpRoute2Links implements HostLinks {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Path SYS_CLASS_NET = Path.of("/sys/class/net");

    @Override
    public void ensureBridge(String bridge, String gatewayCidr, int mtu) throws NetworkException {
        if (!exists(bridge)) {
            Processes.Output out = run("link", "add", "name", bridge, "mtu", Integer.toString(mtu), "type", "bridge");
            if (!out.ok() && !out.stderr().contains("File exists")) {
                throw failed(List.of("link", "add", "name", bridge, "type", "bridge"), out);
            }
        } else if (!Files.isDirectory(SYS_CLASS_NET.resolve(bridge).resolve("bridge"))) {
            throw new NetworkException.InvalidConfig("'" + bridge + "' exists but is not a bridge; "
                    + "choose another bridge name or remove that link");
        }
        check("addr", "replace", gatewayCidr, "dev", bridge);
        check("link", "set", "dev", bridge, "up");
    }

    @Override
    public boolean exists(String link) {
        return Files.exists(SYS_CLASS_NET.resolve(link));
    }

    @Override
    public void delete(String link) throws NetworkException {
        if (!exists(link)) {
            return;
        }
        Processes.Output out = run("link", "del", "dev", link);
        if (!out.ok() && exists(link)) {
            throw failed(List.of("link", "del", "dev", link), out);
        }
    }

    private void check(String... args) throws NetworkException {
        Processes.Output out = run(args);
        if (!out.ok()) {
            throw failed(List.of(args), out);
        }
    }

    private static Processes.Output run(String... args) throws NetworkException {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        try {
            return Processes.run(command, null, null, TIMEOUT);
        } catch (IOException e) {
            throw new NetworkException.CommandFailed(command, -1, e.getMessage() + " (is iproute2 installed?)");
        }
    }

    private static NetworkException.CommandFailed failed(List<String> args, Processes.Output out) {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(args);
        return new NetworkException.CommandFailed(command, out.exitCode(), out.stderr().isBlank() ? out.stdout() : out.stderr());
    }
}
