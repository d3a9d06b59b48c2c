package dev.cvbench.container.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.ContainerExistsException;
import dev.cvbench.container.NoSuchContainerException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
    @TempDir
    Path root;

    @Test
    void ociStateMatchesTheGoldenFile() throws Exception {
        String json = StateStore.toJson(new OciState(OciState.OCI_VERSION, "web", "running", 4242L, "/bundles/web", Map.of("a", "b")));
        String golden = new String(StateStoreTest.class.getResourceAsStream("/golden/oci-state.json").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(json + "\n").isEqualTo(golden);
    }

    @Test
    void stoppedStateHasNoPid() {
        assertThat(StateStore.toJson(new OciState("1.0.2", "x", "stopped", null, "", null))).doesNotContain("pid");
    }

    @Test
    void createDirIsExclusiveAndRecordsRoundTrip() throws Exception {
        StateStore s = new StateStore(root);
        s.createDir("c1");
        assertThatThrownBy(() -> s.createDir("c1")).isInstanceOf(ContainerExistsException.class)
                .hasMessage("container 'c1' already exists: choose another id or `cvrun delete c1` first");
        RuntimeRecord r = new RuntimeRecord("c1", "/b", 10, 20, 30, 40, "/cvbench/c1", true, false, "2026-01-01T00:00:00Z",
                List.of("sh"), Map.of());
        s.writeRecord(r);
        assertThat(s.readRecord("c1")).isEqualTo(r);
        assertThat(s.ids()).containsExactly("c1");
        s.removeDir("c1");
        assertThatThrownBy(() -> s.readRecord("c1")).isInstanceOf(NoSuchContainerException.class);
    }

    @Test
    void idsAreChecked() {
        assertThatThrownBy(() -> StateStore.checkId("../etc")).hasMessageStartingWith("invalid container id '../etc'");
        assertThatThrownBy(() -> new StateStore(root).readRecord("a/b")).hasMessageStartingWith("invalid container id");
    }

    @Test
    void corruptRecordSaysHowToRecover() throws Exception {
        StateStore s = new StateStore(root);
        s.createDir("bad");
        Files.writeString(root.resolve("bad/runtime.json"), "{");
        assertThatThrownBy(() -> s.readRecord("bad")).hasMessageStartingWith("corrupt state for 'bad'")
                .hasMessageEndingWith("`cvrun delete --force bad`");
    }

    @Test
    void processTableKnowsThisJvmAndNotAFreePid() {
        long self = ProcessTable.self();
        assertThat(ProcessTable.isAlive(self, ProcessTable.startTime(self))).isTrue();
        assertThat(ProcessTable.isAlive(self, ProcessTable.startTime(self) + 1)).as("pid reused").isFalse();
        assertThat(ProcessTable.isAlive(0, 0)).isFalse();
    }
}
