package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a failed plugin's output into one {@link NetworkException.PluginFailed}. Plugins print a CNI
 * error object on stdout, for example
 * {@code {"cniVersion":"1.0.0","code":7,"msg":"invalid network config","details":"..."}}; when they
 * print nothing parsable the stderr text (or the exit status) becomes the message with code -1.
 */
final class CniErrors {
    private CniErrors() {}

    static NetworkException.PluginFailed parse(String plugin, CniExecutor.CniRequest request, int exitCode,
            String stdout, String stderr) {
        JsonNode node = readObject(stdout);
        if (node != null && node.hasNonNull("code")) {
            String msg = node.path("msg").asText("").strip();
            String details = node.path("details").asText("").strip();
            return new NetworkException.PluginFailed(plugin, request.command(), request.containerId(),
                    node.get("code").asInt(-1), msg.isEmpty() ? "no message" : oneLine(msg), oneLine(details));
        }
        String text = !stderr.isBlank() ? stderr : stdout;
        String message = text.isBlank() ? "exited with status " + exitCode + " and no message" : oneLine(text);
        return new NetworkException.PluginFailed(plugin, request.command(), request.containerId(), -1, message, "");
    }

    static JsonNode readObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = CniConfigs.mapper().readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
