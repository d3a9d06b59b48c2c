package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The directory of built images: {@code <root>/<key>/} per image, {@code <root>/.tmp-<key>-<n>/} while one is
 * being built, and {@code <root>/.lock}. Builders and pruners take the lock (a {@code flock}-style file lock
 * between processes, a {@link ReentrantLock} between threads of one JVM, since a JVM may hold a file lock only
 * once); readers do not need it, because an entry appears by one atomic {@code rename} of a finished directory.
 */
public final class ImageCache {
    static final String LOCK_FILE = ".lock";
    static final String TMP_PREFIX = ".tmp-";
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    public ImageCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The finished image with this key, if the cache has it. */
    public Optional<GuestImage> lookup(String key) throws ImageException {
        Path dir = root.resolve(key);
        Path manifest = dir.resolve(ImageManifest.FILE_NAME);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GuestImage(dir, ImageManifest.read(manifest), true));
        } catch (IOException e) {
            String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : ImageException.describe(e);
            throw new ImageException("unreadable image manifest " + manifest + ": " + why
                    + "; delete " + dir + " to rebuild it", e);
        }
    }

    /** Every finished image, newest first. */
    public List<GuestImage> list() throws ImageException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<GuestImage> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                String name = p.getFileName().toString();
                if (!name.startsWith(".")) {
                    lookup(name).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new ImageException("cannot list the image cache: " + ImageException.describe(e), e);
        }
        out.sort(Comparator.comparing((GuestImage g) -> java.time.Instant.parse(g.manifest().builtAt())).reversed());
        return out;
    }

    /**
     * Deletes all but the {@code keepLatest} newest images (and any leftover temporary directories), under the
     * lock so no build is disturbed. Instances still using a deleted rootfs must be gone. Returns deleted keys.
     */
    public List<String> prune(int keepLatest) throws ImageException, InterruptedException {
        if (keepLatest < 0) {
            throw new IllegalArgumentException("keepLatest must be >= 0");
        }
        return withLock(() -> {
            removeTemporaries();
            List<GuestImage> all = list();
            List<String> removed = new ArrayList<>();
            for (GuestImage g : all.subList(Math.min(keepLatest, all.size()), all.size())) {
                deleteTree(g.dir());
                removed.add(g.key());
            }
            return removed;
        });
    }

    /** Work done while holding the cache lock. */
    interface LockedWork<T> {
        T run() throws ImageException, IOException, InterruptedException;
    }

    /** Runs {@code work} holding the cache lock, waiting for other builders first. */
    @SuppressWarnings("try") // the lock is held for the body, not used in it
    <T> T withLock(LockedWork<T> work) throws ImageException, InterruptedException {
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
        jvmLock.lockInterruptibly();
        try {
            Files.createDirectories(root);
            try (FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = ch.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for the image cache lock");
            }
            throw new ImageException("image cache: " + ImageException.describe(e)
                    + "; make " + root + " writable or pass another cache directory", e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Deletes temporary directories left by builds that died (call with the lock held). */
    void removeTemporaries() throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(TMP_PREFIX)).toList()) {
                deleteTree(p);
            }
        }
    }

    /** Deletes a directory tree without following symbolic links (the rootfs has many, some absolute). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
