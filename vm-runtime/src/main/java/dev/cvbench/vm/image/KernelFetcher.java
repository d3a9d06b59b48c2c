package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches a Debian kernel package without installing it: {@code apt-cache depends} resolves the metapackage
 * ({@code linux-image-cloud-amd64}) to the real image package ({@code linux-image-6.1.0-56-cloud-amd64}),
 * {@code apt-get download} fetches the .deb into the cache, and {@code dpkg -x} unpacks it there. Nothing goes
 * into /boot or /lib/modules; the unpacked tree is reused until the metapackage points at a newer kernel.
 *
 * <pre>
 * CACHE/debs/linux-image-6.1.0-56-cloud-amd64_6.1.192-2_amd64.deb
 * CACHE/linux-image-6.1.0-56-cloud-amd64/boot/vmlinuz-6.1.0-56-cloud-amd64
 * CACHE/linux-image-6.1.0-56-cloud-amd64/lib/modules/6.1.0-56-cloud-amd64/...
 * </pre>
 */
public final class KernelFetcher {
    /** Which Debian kernel. */
    public enum Flavor {
        /** Debian's cloud kernel: fewer drivers, boots seconds sooner under TCG. The default. */
        CLOUD("linux-image-cloud-amd64"),
        /** Debian's generic kernel: has 9p and rdma_rxe (soft-RoCE). */
        GENERIC("linux-image-amd64");

        private final String metapackage;

        Flavor(String metapackage) {
            this.metapackage = metapackage;
        }

        public String metapackage() {
            return metapackage;
        }

        public static Flavor parse(String s) {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        }
    }

    private static final long TIMEOUT_SECONDS = 300;
    private final Path cacheDir;

    public KernelFetcher(Path cacheDir) {
        this.cacheDir = cacheDir.toAbsolutePath();
    }

    /**
     * The kernel of {@code flavor}, fetched and unpacked if not cached yet.
     *
     * @throws VmException.KernelNotFound when apt cannot resolve or download the package
     */
    public KernelImage fetch(Flavor flavor) throws VmException {
        String pkg = resolvePackage(flavor.metapackage());
        Path unpacked = cacheDir.resolve(pkg);
        if (Files.isDirectory(unpacked.resolve("boot"))) {
            return KernelImage.fromUnpacked(unpacked);
        }
        try {
            Path debs = Files.createDirectories(cacheDir.resolve("debs"));
            run(List.of("apt-get", "download", pkg), debs);
            Path deb = findDeb(debs, pkg);
            Path tmp = Files.createTempDirectory(cacheDir, pkg + ".tmp");
            run(List.of("dpkg", "-x", deb.toString(), tmp.toString()), cacheDir);
            Files.move(tmp, unpacked, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VmException.KernelNotFound(unpacked, "cannot fetch kernel package " + pkg + ": "
                    + e.getMessage() + "; check that apt can reach a Debian mirror (apt-get update)", e);
        }
        return KernelImage.fromUnpacked(unpacked);
    }

    /** {@code linux-image-cloud-amd64} -> {@code linux-image-6.1.0-56-cloud-amd64}, via apt-cache. */
    String resolvePackage(String metapackage) throws VmException {
        String out;
        try {
            out = run(List.of("apt-cache", "depends", "--no-recommends", "--no-suggests", metapackage), cacheDir);
        } catch (IOException e) {
            throw new VmException.KernelNotFound(cacheDir, "cannot resolve " + metapackage + ": " + e.getMessage()
                    + "; run apt-get update, or give a kernel path instead", e);
        }
        return imagePackage(out).orElseThrow(() -> new VmException.KernelNotFound(cacheDir, metapackage
                + " does not depend on a linux-image package here; give a kernel path instead"));
    }

    /** The first {@code Depends: linux-image-...} of {@code apt-cache depends} output. */
    static Optional<String> imagePackage(String aptCacheDepends) {
        for (String line : aptCacheDepends.split("\n")) {
            String t = line.trim();
            if (t.startsWith("Depends:")) {
                String dep = t.substring("Depends:".length()).trim();
                if (dep.startsWith("linux-image-") && !dep.startsWith("<")) {
                    return Optional.of(dep);
                }
            }
        }
        return Optional.empty();
    }

    private static Path findDeb(Path dir, String pkg) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(pkg + "_") && p.toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new IOException("apt-get download left no " + pkg + "_*.deb"));
        }
    }

    private static String run(List<String> cmd, Path cwd) throws IOException {
        Files.createDirectories(cwd);
        Path err = Files.createTempFile("cvbench-apt", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(cmd)).directory(cwd.toFile())
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out");
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(err);
                String last = lines.stream().filter(l -> l.startsWith("E:")).findFirst()
                        .orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
                throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + last);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", cmd) + " interrupted", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
