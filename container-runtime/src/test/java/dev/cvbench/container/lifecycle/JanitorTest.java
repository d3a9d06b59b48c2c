package dev.cvbench.container.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.NetworkAttacher;
import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.state.ProcessTable;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.sys.RecordingSyscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The janitor against a fake cgroup tree: it removes what dead owners left and nothing else. */
class JanitorTest {
    @TempDir
    Path tmp;

    @Test
    void removesContainersOfDeadOwnersAndOldDirsWithoutRecordKeepsTheRest() throws Exception {
        Path cg = Files.createDirectories(tmp.resolve("cg/memory"));
        StateStore store = new StateStore(tmp.resolve("root"));
        RuntimeContext ctx = new RuntimeContext(store, new RecordingSyscalls(), new CgroupLayout.V1(Map.of("memory", cg)),
                Path.of("/nonexistent/cvinit"), NetworkAttacher.NONE, Duration.ofSeconds(1));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long self = ProcessTable.self();

        store.createDir("orphan");
        store.writeRecord(record("orphan", gone.pid(), 0));
        Files.createDirectories(cg.resolve("cvbench/orphan"));
        store.createDir("mine");
        store.writeRecord(record("mine", self, ProcessTable.startTime(self)));
        store.createDir("detached");
        store.writeRecord(record("detached", 0, 0));
        store.createDir("halfmade");
        Files.setLastModifiedTime(store.dir("halfmade"), FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        store.createDir("fresh");

        assertThat(Janitor.sweep(ctx)).containsExactlyInAnyOrder("orphan", "halfmade");
        assertThat(store.ids()).containsExactly("detached", "fresh", "mine");
        assertThat(cg.resolve("cvbench/orphan")).doesNotExist();
    }

    @Test
    void releasesNetworkAttachmentsOfContainersThatAreGone() throws Exception {
        StateStore store = new StateStore(tmp.resolve("root2"));
        store.createDir("alive");
        store.writeRecord(record("alive", 0, 0));
        List<Set<String>> seen = new ArrayList<>();
        NetworkAttacher recording = new NetworkAttacher() {
            @Override
            public void attach(String id, Path netnsPath) {}

            @Override
            public void detach(String id, Path netnsPath) {}

            @Override
            public void cleanupStale(Set<String> liveIds) {
                seen.add(liveIds);
            }
        };
        RuntimeContext ctx = new RuntimeContext(store, new RecordingSyscalls(), new CgroupLayout.V1(Map.of()),
                Path.of("/nonexistent/cvinit"), recording, Duration.ofSeconds(1));
        Janitor.sweep(ctx);
        assertThat(seen).containsExactly(Set.of("alive"));
    }

    static RuntimeRecord record(String id, long owner, long ownerStart) {
        return new RuntimeRecord(id, "", 0, 0, owner, ownerStart, "/cvbench/" + id, false, false, Instant.now().toString(),
                List.of("sh"), Map.of());
    }
}
