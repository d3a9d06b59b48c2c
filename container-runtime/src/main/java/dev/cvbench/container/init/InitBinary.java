package dev.cvbench.container.init;

import dev.cvbench.container.ContainerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Finds the cvinit executable: next to the classes when running from a build directory, else
 * extracted once from the jar to {@code <root>/bin/cvinit-<crc32>-<size>} (mode 0755; the
 * checksum in the name means a new build never runs a stale helper and concurrent extractions agree).
 */
public final class InitBinary {
    static final String RESOURCE = "/dev/cvbench/container/init/cvinit";

    private InitBinary() {}

    public static Path locate(Path root) throws ContainerException {
        URL url = InitBinary.class.getResource(RESOURCE);
        if (url == null) {
            throw new ContainerException("cvinit is missing from the classpath: rebuild container-runtime (needs gcc and static glibc)");
        }
        if (url.getProtocol().equals("file")) {
            try {
                Path p = Path.of(url.toURI());
                if (Files.isExecutable(p)) {
                    return p;
                }
            } catch (URISyntaxException e) {
                // fall through to extraction
            }
        }
        return extract(url, root.resolve("bin"));
    }

    /**
     * Names the copy after the jar entry's CRC-32 and size (read from the jar's directory, no
     * hashing of the 900 kB binary on every start); a new build gets a new name.
     */
    private static Path extract(URL url, Path binDir) throws ContainerException {
        try {
            URLConnection conn = url.openConnection();
            String tag = conn instanceof JarURLConnection jar
                    ? Long.toHexString(jar.getJarEntry().getCrc()) + "-" + jar.getJarEntry().getSize()
                    : Long.toHexString(conn.getLastModified()) + "-" + conn.getContentLengthLong();
            Path target = binDir.resolve("cvinit-" + tag);
            if (Files.isExecutable(target)) {
                return target;
            }
            Files.createDirectories(binDir);
            Path tmp = Files.createTempFile(binDir, ".cvinit", ".tmp");
            try (InputStream in = conn.getInputStream()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new ContainerException("cannot extract cvinit to " + binDir + ": " + e.getMessage(), e);
        }
    }
}
