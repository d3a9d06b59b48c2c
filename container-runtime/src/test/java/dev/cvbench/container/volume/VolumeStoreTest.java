package dev.cvbench.container.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeStoreTest {
    @TempDir
    Path root;

    private VolumeStore store;

    @BeforeEach
    void setUp() {
        store = new VolumeStore(root);
    }

    @Test
    void createIsIdempotentAndKeepsData() throws Exception {
        Path data = store.create("logs");
        assertThat(data).isEqualTo(root.resolve("volumes/logs/_data")).isDirectory();
        Files.writeString(data.resolve("app.log"), "hello");
        assertThat(store.create("logs")).isEqualTo(data);
        assertThat(data.resolve("app.log")).hasContent("hello");
        assertThat(store.path("logs")).isEqualTo(data);
        assertThat(store.exists("logs")).isTrue();
    }

    @Test
    void listShowsOnlyCompleteVolumes() throws Exception {
        store.create("b");
        store.create("a");
        Files.createDirectories(root.resolve("volumes/.creating-c-123/_data"));  // a creation cut short
        Files.createDirectories(root.resolve("volumes/nodata"));                // not a volume
        assertThat(store.list()).containsExactly("a", "b");
        assertThat(new VolumeStore(root.resolve("elsewhere")).list()).isEmpty();
    }

    @Test
    void removeRefusesWhileInUseAndDeletesAfterwards() throws Exception {
        Path data = store.acquire("logs", "app1");
        store.acquire("logs", "logger");
        store.acquire("logs", "logger");
        Files.createDirectories(data.resolve("sub/dir"));
        Files.writeString(data.resolve("sub/dir/f"), "x");
        assertThat(root.resolve("volumes/logs/users.json")).hasContent("[\"app1\",\"logger\"]");

        assertThatThrownBy(() -> store.remove("logs"))
                .isInstanceOf(VolumeException.InUse.class)
                .hasMessage("volume 'logs' is in use by app1, logger; remove those containers first");

        store.release("logs", "app1");
        store.release("logs", "logger");
        store.release("logs", "never-was");
        assertThat(store.users("logs")).isEmpty();
        store.remove("logs");
        assertThat(store.exists("logs")).isFalse();
        assertThat(root.resolve("volumes")).isDirectoryNotContaining(p -> !p.getFileName().toString().equals(".lock"));
    }

    @Test
    void removeDoesNotFollowSymlinksOutOfTheVolume() throws Exception {
        Path outside = Files.createDirectories(root.resolve("precious"));
        Files.writeString(outside.resolve("keep"), "k");
        Files.createSymbolicLink(store.create("v").resolve("link"), outside);
        store.remove("v");
        assertThat(outside.resolve("keep")).hasContent("k");
    }

    @Test
    void cleanupStaleForgetsDeadUsersAndHalfDoneDirectories() throws Exception {
        store.acquire("a", "live");
        store.acquire("a", "dead");
        store.acquire("b", "dead");
        Path creating = Files.createDirectories(root.resolve("volumes/.creating-c-1/_data"));
        Path removing = Files.createDirectories(root.resolve("volumes/.removing-d-2/_data/x"));
        store.cleanupStale(Set.of("live"));
        assertThat(creating.getParent()).doesNotExist();
        assertThat(removing.getParent().getParent()).doesNotExist();
        assertThat(store.list()).containsExactly("a", "b");
        assertThat(store.users("a")).containsExactly("live");
        assertThat(store.users("b")).isEmpty();
        store.remove("b");
    }

    @Test
    void missingAndInvalidNamesAreClearErrors() {
        assertThatThrownBy(() -> store.path("nope")).isInstanceOf(VolumeException.NotFound.class)
                .hasMessage("no volume named 'nope'; create it first or check the name");
        assertThatThrownBy(() -> store.remove("nope")).isInstanceOf(VolumeException.NotFound.class);
        assertThatThrownBy(() -> store.create("../etc")).isInstanceOf(VolumeException.InvalidName.class)
                .hasMessageStartingWith("invalid volume name '../etc'");
        assertThat(store.exists("../etc")).isFalse();
    }

    @Test
    void concurrentAcquiresLoseNoUser() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String user = "c" + i;
                futures.add(pool.submit(() -> store.acquire("shared", user)));
            }
            for (Future<Path> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(store.users("shared")).hasSize(40);
    }
}
