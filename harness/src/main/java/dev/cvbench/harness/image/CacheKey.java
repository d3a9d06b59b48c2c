package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The name of a cached image: a hash of every input that shapes its bytes. Two builds with equal keys make
 * interchangeable images; change any input and the key changes. The parts, in order:
 * <pre>
 * builder        BUILDER_VERSION (bump when the build itself changes)
 * busybox        SHA-256 of the binary
 * jdk.home       the JDK's path
 * jdk.release    SHA-256 of its {@code release} file (version, vendor, modules)
 * modules        the base module list, and whether jdeps adds to it
 * jlink          the jlink options; whether native symbols are stripped
 * agent.N        name and SHA-256 of each agent jar (or class-directory tree), in class-path order
 * training       the AppCDS training run, or "none" when no archive will be made
 * applets        the applet selection ("all" or a sorted list); the hostname
 * </pre>
 * The key is the first {@value #LENGTH} hex digits of the SHA-256 of those lines.
 */
public record CacheKey(String hash, Map<String, String> parts) {
    /** Bump when the build steps change in a way the other inputs do not capture. */
    public static final String BUILDER_VERSION = "1";
    public static final int LENGTH = 16;

    public CacheKey {
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** The key of an image built from these resolved inputs. */
    static CacheKey compute(ImageInputs in, Path busybox, List<Path> agentSources, boolean appCds) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("builder", BUILDER_VERSION);
        p.put("busybox", Digests.of(busybox));
        p.put("jdk.home", in.jdkHome().toAbsolutePath().normalize().toString());
        Path release = in.jdkHome().resolve("release");
        p.put("jdk.release", Files.isRegularFile(release) ? Digests.of(release) : "missing");
        p.put("modules", String.join(",", in.modules()) + (in.jdepsModules() ? " +jdeps" : ""));
        p.put("jlink", String.join(" ", in.jlinkOptions()) + (in.stripNativeSymbols() ? " +strip" : ""));
        for (int i = 0; i < agentSources.size(); i++) {
            Path s = agentSources.get(i);
            p.put("agent." + i, AgentJars.jarName(s) + " " + Digests.of(s));
        }
        Optional<String> main = in.trainingMain();
        p.put("training", appCds && main.isPresent() ? main.get() + " " + String.join(" ", in.trainingArgs()) : "none");
        p.put("applets", in.applets().isEmpty() ? "all" : String.join(",", new TreeSet<>(in.applets())));
        p.put("hostname", in.hostname());
        StringBuilder text = new StringBuilder();
        p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return new CacheKey(Digests.of(text.toString()).substring(0, LENGTH), p);
    }

    @Override
    public String toString() {
        return hash;
    }
}
