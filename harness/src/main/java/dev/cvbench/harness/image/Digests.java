package dev.cvbench.harness.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * SHA-256 digests of files and directory trees, the raw material of the image cache key. A tree digest covers
 * every regular file's relative path and content in sorted order, so a {@code target/classes} directory hashes
 * the same wherever it lives and whatever order the file system lists it in.
 */
final class Digests {
    private Digests() {}

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Digest of a file's content, or of a directory tree's relative paths and contents. */
    static String of(Path path) throws IOException {
        MessageDigest md = sha256();
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                md.update(path.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                update(md, f);
                md.update((byte) 0);
            }
        } else {
            update(md, path);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, Path file) throws IOException {
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }

    /** Total size in bytes of the regular files under {@code dir} (symbolic links not followed). */
    static long treeSize(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
