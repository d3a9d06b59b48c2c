package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes plugin binaries the way the CNI spec describes: parameters in {@code CNI_*} environment
 * variables, the network configuration on stdin, a result or an error object on stdout.
 */
final class ProcessCniExecutor implements CniExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessCniExecutor.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path binDir;

    ProcessCniExecutor(Path binDir) {
        this.binDir = binDir;
    }

    @Override
    public void requireAvailable(String plugin) throws NetworkException.PluginMissing {
        Path binary = binDir.resolve(plugin);
        if (!Files.isExecutable(binary)) {
            throw new NetworkException.PluginMissing(binary);
        }
    }

    @Override
    public JsonNode invoke(String plugin, CniRequest request) throws NetworkException {
        requireAvailable(plugin);
        Path binary = binDir.resolve(plugin);
        Map<String, String> env = new HashMap<>();
        env.put("CNI_COMMAND", request.command().name());
        env.put("CNI_CONTAINERID", request.containerId());
        env.put("CNI_IFNAME", request.ifName());
        env.put("CNI_PATH", binDir.toString());
        if (request.netns() != null) {
            env.put("CNI_NETNS", request.netns());
        }
        LOG.debug("CNI {} {} id={} netns={} if={}", plugin, request.command(), request.containerId(),
                request.netns(), request.ifName());
        Processes.Output out;
        try {
            out = Processes.run(List.of(binary.toString()), env, CniConfigs.bytes(request.config()), TIMEOUT);
        } catch (IOException e) {
            throw new NetworkException.PluginFailed(plugin, request.command(), request.containerId(), -1,
                    "cannot run " + binary + ": " + e.getMessage(), "");
        }
        if (!out.ok()) {
            throw CniErrors.parse(plugin, request, out.exitCode(), out.stdout(), out.stderr());
        }
        if (out.stdout().isBlank()) {
            return CniConfigs.mapper().createObjectNode();
        }
        JsonNode result = CniErrors.readObject(out.stdout());
        if (result == null) {
            throw new NetworkException.BadResult("CNI " + plugin + " " + request.command() + " printed no JSON object: "
                    + out.stdout().strip(), null);
        }
        return result;
    }
}
