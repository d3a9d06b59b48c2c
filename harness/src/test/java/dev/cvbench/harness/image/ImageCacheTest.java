package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCacheTest {
    @TempDir
    Path root;

    private void entry(String key, String builtAt) throws IOException {
        Path dir = Files.createDirectories(root.resolve(key).resolve("rootfs/bin"));
        Files.createSymbolicLink(dir.resolve("sh"), Path.of("/bin/busybox")); // absolute link: deletion must not follow it
        ImageManifest m = new ImageManifest(1, key, Map.of(), builtAt, List.of(), List.of("a.jar"), false, false, List.of(),
                new ImageManifest.Sizes(1, 1, 0, 2), Map.of(), Map.of());
        Files.writeString(root.resolve(key).resolve(ImageManifest.FILE_NAME), m.toJson());
    }

    @Test
    void listsNewestFirstAndPrunesTheRestWithTemporaries() throws Exception {
        entry("aaaa", "2026-01-01T00:00:00Z");
        entry("bbbb", "2026-03-01T00:00:00.5Z");
        entry("cccc", "2026-02-01T00:00:00Z");
        Files.createDirectories(root.resolve(ImageCache.TMP_PREFIX + "dddd-123/rootfs"));
        Files.createDirectories(root.resolve("eeee")); // no manifest: unfinished, not an image
        ImageCache cache = new ImageCache(root);
        assertThat(cache.list()).extracting(GuestImage::key).containsExactly("bbbb", "cccc", "aaaa");
        assertThat(cache.lookup("eeee")).isEmpty();

        assertThat(cache.prune(1)).containsExactly("cccc", "aaaa");
        assertThat(cache.list()).extracting(GuestImage::key).containsExactly("bbbb");
        assertThat(root.resolve(ImageCache.TMP_PREFIX + "dddd-123")).doesNotExist();
        assertThat(cache.prune(0)).containsExactly("bbbb");
        assertThat(cache.list()).isEmpty();
    }

    @Test
    void aCorruptManifestSaysWhatToDelete() throws IOException {
        Files.createDirectories(root.resolve("ffff"));
        Files.writeString(root.resolve("ffff").resolve(ImageManifest.FILE_NAME), "{not json");
        assertThatThrownBy(() -> new ImageCache(root).lookup("ffff"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("delete " + root.resolve("ffff"))
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnusableCacheDirectorySaysWhatToDo() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> new ImageCache(file.resolve("images")).withLock(() -> null))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith("image cache: " + file)
                .hasMessageEndingWith("make " + file.resolve("images") + " writable or pass another cache directory")
                .hasMessageNotContaining("\n");
    }

    @Test
    void describesFileSystemErrorsOnOneLine() {
        assertThat(ImageException.describe(new java.nio.file.AccessDeniedException("/var/cache/x")))
                .isEqualTo("/var/cache/x: permission denied");
        assertThat(ImageException.describe(new java.nio.file.NoSuchFileException("/a"))).isEqualTo("/a: no such file or directory");
        assertThat(ImageException.describe(new IOException("disk full"))).isEqualTo("disk full");
    }

    @Test
    void theLockExcludesConcurrentBuildersInOneJvm() throws Exception {
        ImageCache a = new ImageCache(root);
        ImageCache b = new ImageCache(root.resolve(".").normalize()); // another instance, same directory
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ImageCache c = i % 2 == 0 ? a : b;
                fs.add(pool.submit(() -> c.withLock(() -> {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(20);
                    return inside.decrementAndGet();
                })));
            }
            for (Future<Integer> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(root.resolve(ImageCache.LOCK_FILE)).exists();
    }
}
