package dev.cvbench.container.init;

import dev.cvbench.container.ContainerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finds the cvinit executable: next to the classes when running from a build directory, else
 * extracted once from the jar to {@code <root>/bin/cvinit-<sha256>} (mode 0755; the hash in the
 * name means a new build never runs a stale helper and concurrent extractions agree).
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

    private static Path extract(URL url, Path binDir) throws ContainerException {
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Path target = binDir.resolve("cvinit-" + sha);
            if (Files.isExecutable(target)) {
                return target;
            }
            Files.createDirectories(binDir);
            Path tmp = Files.createTempFile(binDir, ".cvinit", ".tmp");
            Files.write(tmp, bytes);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new ContainerException("cannot extract cvinit to " + binDir + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
