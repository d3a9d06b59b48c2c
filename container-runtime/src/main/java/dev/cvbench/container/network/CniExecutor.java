package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invokes one CNI plugin once: the seam between the network logic and the plugin binaries, so that
 * logic is unit-tested with a recording fake.
 */
interface CniExecutor {
    /**
     * Runs {@code plugin} (a binary name in the CNI bin dir).
     *
     * @return the plugin's stdout parsed as JSON (an empty object when it printed nothing, as DEL may)
     * @throws NetworkException.PluginFailed with the plugin's CNI error code and message
     * @throws NetworkException.PluginMissing when the binary is absent
     */
    JsonNode invoke(String plugin, CniRequest request) throws NetworkException;

    /** Fails fast, before anything is changed, when {@code plugin} cannot be run. */
    default void requireAvailable(String plugin) throws NetworkException.PluginMissing {}

    /**
     * The environment and stdin of one invocation.
     *
     * @param netns   path of the network namespace, or {@code null} when there is none (IPAM only, or a
     *                DEL after the namespace is gone)
     * @param config  the network configuration JSON
     */
    record CniRequest(CniCommand command, String containerId, String netns, String ifName, JsonNode config) {}
}
