package dev.cvbench.harness.image;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.CodeSource;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Where the agent code comes from and how it lands in {@code /opt/cvbench/lib}. A source is a jar (installed
 * build) or a class directory ({@code target/classes} while developing and testing); a directory is packed
 * into a jar here, with sorted entries and a fixed timestamp so the same classes make the same bytes.
 */
public final class AgentJars {
    /** Classes whose jars make up the agent class path by default. */
    public static final List<String> DEFAULT_CLASSES = List.of("dev.cvbench.workload.Agent", "dev.cvbench.core.wire.AgentWriter");

    /** Timestamp of every entry in a jar packed from a directory (1980-01-01, the earliest ZIP time). */
    private static final FileTime FIXED_TIME = FileTime.fromMillis(315532800000L);

    private AgentJars() {}

    /** The jar or class directory {@code type} was loaded from. */
    public static Path sourceOf(Class<?> type) throws ImageException {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            throw new ImageException("cannot locate the jar of " + type.getName() + " (loaded by the boot class loader?)");
        }
        try {
            return Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImageException("cannot locate the jar of " + type.getName() + ": " + cs.getLocation(), e);
        }
    }

    /** The distinct sources of the named classes, in order; a class not on the class path is an error. */
    public static List<Path> sourcesOf(List<String> classNames) throws ImageException {
        java.util.LinkedHashSet<Path> out = new java.util.LinkedHashSet<>();
        for (String name : classNames) {
            try {
                out.add(sourceOf(Class.forName(name, false, AgentJars.class.getClassLoader())));
            } catch (ClassNotFoundException e) {
                throw new ImageException("agent class " + name + " is not on the class path; build the workloads module "
                        + "(mvn -pl workloads install) or pass the agent jars explicitly");
            }
        }
        return List.copyOf(out);
    }

    /**
     * The file name a source gets in {@code /opt/cvbench/lib}: a jar keeps its name; a class directory
     * {@code .../workloads/target/classes} becomes {@code workloads.jar} (the module directory's name).
     */
    static String jarName(Path source) {
        String name = source.getFileName().toString();
        if (!Files.isDirectory(source)) {
            return name;
        }
        Path p = source.toAbsolutePath().normalize();
        if (name.equals("classes") || name.equals("test-classes")) {
            Path target = p.getParent();
            if (target != null && target.getParent() != null && target.getFileName().toString().equals("target")) {
                String module = target.getParent().getFileName().toString();
                return name.equals("classes") ? module + ".jar" : module + "-tests.jar";
            }
        }
        return name + ".jar";
    }

    /** Copies a jar source or packs a directory source into {@code dest}. */
    static void install(Path source, Path dest) throws IOException {
        if (!Files.isDirectory(source)) {
            Files.copy(source, dest);
            return;
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(dest); JarOutputStream jar = new JarOutputStream(os)) {
            JarEntry mfEntry = new JarEntry("META-INF/MANIFEST.MF");
            mfEntry.setLastModifiedTime(FIXED_TIME);
            jar.putNextEntry(mfEntry);
            mf.write(jar);
            jar.closeEntry();
            for (Path f : files) {
                String entry = source.relativize(f).toString().replace('\\', '/');
                if (entry.equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                JarEntry je = new JarEntry(entry);
                je.setLastModifiedTime(FIXED_TIME);
                jar.putNextEntry(je);
                Files.copy(f, jar);
                jar.closeEntry();
            }
        }
    }
}
