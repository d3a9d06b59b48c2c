package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the image's JRE from the build JDK: which modules (a base list plus what {@code jdeps} finds in the
 * agent jars), {@code jlink} with size options, the native symbol tables stripped, and the JDK's CDS archive
 * ({@code java -Xshare:dump}, which pre-parses the JDK's default class list into {@code lib/server/classes.jsa}
 * so start-up maps it instead of loading ~500 classes one by one).
 * <p>
 * Size, as measured on Debian 12 / OpenJDK 17.0.15 with the default three modules: 35 MB after jlink, of which
 * libjvm.so is 23 MB; 31.5 MB once stripped; the CDS archive adds 11 MB.
 */
final class JreLinker {
    static final String JDK_FIX = "apt-get install openjdk-17-jdk-headless";
    private static final Duration JLINK_TIMEOUT = Duration.ofMinutes(5);

    private JreLinker() {}

    /** {@code base} plus the JDK modules {@code jdeps} says the agent jars use, sorted after the base ones. */
    static List<String> modules(Path jdkHome, List<String> base, List<Path> agentJars, boolean useJdeps)
            throws ImageException, InterruptedException {
        Set<String> out = new LinkedHashSet<>(base);
        if (useJdeps && !agentJars.isEmpty()) {
            List<String> cmd = new ArrayList<>(List.of(tool(jdkHome, "jdeps").toString(), "--print-module-deps",
                    "--ignore-missing-deps", "--multi-release", "17"));
            agentJars.forEach(j -> cmd.add(j.toString()));
            Processes.Result r = Processes.check(BuildStep.MODULES, cmd, Duration.ofMinutes(2));
            out.addAll(parseModuleDeps(r.output()));
        }
        return List.copyOf(out);
    }

    /** The module names in {@code jdeps --print-module-deps} output ({@code java.base,java.management}). */
    static List<String> parseModuleDeps(String output) {
        List<String> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.contains(" ")) {
                continue; // warnings and notes, not the module line
            }
            for (String m : l.split(",")) {
                if (m.matches("[a-zA-Z][\\w.]*")) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Runs jlink into {@code output}, which must not exist yet. */
    static void jlink(Path jdkHome, List<String> modules, List<String> options, Path output)
            throws ImageException, InterruptedException {
        Path jlink = tool(jdkHome, "jlink");
        if (!Files.isDirectory(jdkHome.resolve("jmods"))) {
            throw new ImageException.MissingTool("jmods", "the JDK at " + jdkHome + " has no jmods directory, which jlink needs", JDK_FIX);
        }
        List<String> cmd = new ArrayList<>(List.of(jlink.toString(), "--add-modules", String.join(",", modules)));
        cmd.addAll(options);
        cmd.add("--output");
        cmd.add(output.toString());
        Processes.check(BuildStep.JLINK, cmd, JLINK_TIMEOUT);
    }

    /**
     * Strips the symbol tables of the JRE's shared libraries with {@code strip --strip-unneeded} (dynamic symbols
     * stay, so nothing that links against them breaks). Returns false, changing nothing, when binutils' strip is
     * not installed.
     */
    static boolean strip(Path jre) throws ImageException, InterruptedException, IOException {
        Optional<Path> strip = Processes.which("strip");
        if (strip.isEmpty()) {
            return false;
        }
        List<Path> libs;
        try (Stream<Path> walk = Files.walk(jre.resolve("lib"))) {
            libs = walk.filter(p -> p.getFileName().toString().endsWith(".so"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        List<String> cmd = new ArrayList<>(List.of(strip.get().toString(), "--strip-unneeded"));
        libs.forEach(l -> cmd.add(l.toString()));
        Processes.check(BuildStep.STRIP, cmd, Duration.ofMinutes(2));
        return true;
    }

    /**
     * Writes the JDK's default CDS archive with {@code java -Xshare:dump}. Run from the host path of the JRE:
     * the archive refers to the runtime image relative to the JRE, so it stays valid inside the rootfs.
     */
    static Path dumpCds(Path jre) throws ImageException, InterruptedException {
        Processes.check(BuildStep.CDS, List.of(jre.resolve("bin/java").toString(), "-Xshare:dump"), Duration.ofMinutes(3));
        Path archive = jre.resolve("lib/server/classes.jsa");
        if (!Files.isRegularFile(archive)) {
            throw new ImageException.StepFailed(BuildStep.CDS, "java -Xshare:dump wrote no " + archive, List.of(), null);
        }
        return archive;
    }

    private static Path tool(Path jdkHome, String name) throws ImageException.MissingTool {
        Path p = jdkHome.resolve("bin").resolve(name);
        if (!Files.isExecutable(p)) {
            throw new ImageException.MissingTool(name, "no " + name + " in " + jdkHome + " (a JRE, not a JDK?)", JDK_FIX);
        }
        return p;
    }
}
