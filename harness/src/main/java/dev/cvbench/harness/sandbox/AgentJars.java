package dev.cvbench.harness.sandbox;

import dev.cvbench.core.wire.AgentWriter;
import dev.cvbench.workload.Agent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the agent's code is on this host: the {@code core} and {@code workloads} jars (or class directories
 * when running from a build tree). The agent needs nothing else, which is what keeps guest images small.
 */
public final class AgentJars {
    /** The agent's main class, the same in every environment. */
    public static final String MAIN_CLASS = Agent.class.getName();

    private AgentJars() {}

    public static List<Path> locations() {
        return List.of(location(AgentWriter.class), location(Agent.class));
    }

    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the jar of " + c.getName(), e);
        }
    }
}
