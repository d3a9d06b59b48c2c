package dev.cvbench.container.network;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One small JSON file per attached container under {@code <state>/cni/attachments/<id>.json}: what DEL,
 * CHECK and stale cleanup need after a restart (netns path, interface, host veth, the ADD result for
 * {@code prevResult}). A record is written <em>before</em> ADD (without a result), so a crash half-way
 * through an attach still leaves enough to undo it. Writes are atomic.
 */
final class AttachmentStore {
    private final Path dir;

    AttachmentStore(Path dir) {
        this.dir = dir;
    }

    /**
     * @param loopbackOnly true for {@code none}-mode containers (only the loopback plugin ran)
     * @param result       the bridge plugin's ADD result, {@code null} while ADD is in flight
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(String containerId, String netns, String ifName, boolean loopbackOnly, String hostVeth,
            JsonNode result) {
        Entry {
            if (result != null && (result.isNull() || result.isMissingNode())) {
                result = null;  // JSON null reads back as a NullNode
            }
        }
    }

    void put(Entry entry) throws NetworkException.StateIo {
        Path file = file(entry.containerId());
        try {
            AtomicFiles.write(file, CniConfigs.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(entry));
        } catch (IOException e) {
            throw new NetworkException.StateIo(file, e);
        }
    }

    Optional<Entry> get(String containerId) throws NetworkException.StateIo {
        Path file = file(containerId);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CniConfigs.mapper().readValue(file.toFile(), Entry.class));
        } catch (IOException e) {
            throw new NetworkException.StateIo(file, e);
        }
    }

    void remove(String containerId) throws NetworkException.StateIo {
        Path file = file(containerId);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new NetworkException.StateIo(file, e);
        }
    }

    /** Ids of every recorded attachment. */
    List<String> ids() throws NetworkException.StateIo {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".")) {
                    ids.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        } catch (IOException e) {
            throw new NetworkException.StateIo(dir, e);
        }
        ids.sort(null);
        return ids;
    }

    private Path file(String containerId) {
        return dir.resolve(containerId + ".json");
    }
}
