package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentStoreTest {
    @TempDir
    Path dir;

    @Test
    void recordFormatMatchesGoldenAndRoundTrips() throws Exception {
        JsonNode result = CniConfigs.mapper().readTree(Golden.read("bridge-add-result-1.0.0.json"));
        AttachmentStore store = new AttachmentStore(dir);
        AttachmentStore.Entry entry = new AttachmentStore.Entry("web1", "/var/run/netns/cvbexp1", "eth0", false,
                "veth695db2fd", result);

        store.put(entry);

        Golden.assertMatches("attachment-record.json", Files.readString(dir.resolve("web1.json")));
        assertThat(store.get("web1")).contains(entry);
        assertThat(store.ids()).containsExactly("web1");
        store.remove("web1");
        assertThat(store.get("web1")).isEmpty();
        assertThat(store.ids()).isEmpty();
    }

    @Test
    void pendingRecordHasNoResult() throws Exception {
        AttachmentStore store = new AttachmentStore(dir);
        store.put(new AttachmentStore.Entry("c", "/proc/1/ns/net", "eth0", false, null, null));
        assertThat(store.get("c")).hasValueSatisfying(e -> assertThat(e.result()).isNull());
    }

    @Test
    void corruptRecordNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{not json");
        assertThatThrownBy(() -> new AttachmentStore(dir).get("bad"))
                .isInstanceOf(NetworkException.StateIo.class)
                .hasMessageStartingWith("cannot access network state " + dir.resolve("bad.json"));
    }
}
