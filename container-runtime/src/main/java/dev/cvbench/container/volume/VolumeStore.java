package dev.cvbench.container.volume;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Named volumes kept under the cvbench state dir, laid out like docker's:
 *
 * <pre>
 * &lt;root&gt;/volumes/
 *   .lock                 one lock for the whole store (processes and threads)
 *   logs/_data/           what containers see at their mount point
 *   logs/users.json       ["app1","logger"]: containers that mount it, written atomically
 * </pre>
 *
 * A container runtime {@link #acquire}s a volume when it mounts it and {@link #release}s it when the
 * container is deleted; {@link #remove} refuses while any user remains, and {@link #cleanupStale}
 * forgets users that died without releasing. Creation and removal go through a hidden temporary
 * directory and a rename, so {@link #list()} never shows a half-made or half-removed volume.
 *
 * <pre>{@code
 * VolumeStore store = new VolumeStore(Path.of("/run/cvbench"));
 * Path data = store.acquire("logs", "app1");   // creates logs/_data on first use
 * store.acquire("logs", "logger");             // --volumes-from app1
 * store.remove("logs");                        // InUse: in use by app1, logger
 * store.release("logs", "app1");
 * store.release("logs", "logger");
 * store.remove("logs");                        // gone
 * }</pre>
 */
public final class VolumeStore {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final String DATA = "_data";
    private static final String USERS = "users.json";

    private final Path dir;
    private final StoreLock lock;

    /** A store under {@code stateRoot/volumes}. */
    public VolumeStore(Path stateRoot) {
        this.dir = stateRoot.resolve("volumes");
        this.lock = new StoreLock(dir.resolve(".lock"));
    }

    /** The directory holding one subdirectory per volume. */
    public Path directory() {
        return dir;
    }

    /** Creates the volume if it does not exist yet; returns its data directory either way. */
    public Path create(String name) throws VolumeException {
        VolumeName.requireValid(name);
        return lock.with(() -> createLocked(name));
    }

    /** The data directory of an existing volume. */
    public Path path(String name) throws VolumeException {
        VolumeName.requireValid(name);
        Path data = dir.resolve(name).resolve(DATA);
        if (!Files.isDirectory(data)) {
            throw new VolumeException.NotFound(name);
        }
        return data;
    }

    public boolean exists(String name) {
        return VolumeName.isValid(name) && Files.isDirectory(dir.resolve(name).resolve(DATA));
    }

    /** Every volume's name, sorted. */
    public List<String> list() throws VolumeException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (VolumeName.isValid(name) && Files.isDirectory(entry.resolve(DATA))) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new VolumeException.Io(dir, e);
        }
        names.sort(null);
        return names;
    }

    /** Records {@code userId} (a container id) as a user, creating the volume on first use. */
    public Path acquire(String name, String userId) throws VolumeException {
        VolumeName.requireValid(name);
        Objects.requireNonNull(userId, "userId");
        return lock.with(() -> {
            Path data = createLocked(name);
            Set<String> users = readUsers(name);
            if (users.add(userId)) {
                writeUsers(name, users);
            }
            return data;
        });
    }

    /** Forgets {@code userId}; no error if it was not a user or the volume is gone. */
    public void release(String name, String userId) throws VolumeException {
        VolumeName.requireValid(name);
        lock.with(() -> {
            if (exists(name)) {
                Set<String> users = readUsers(name);
                if (users.remove(userId)) {
                    writeUsers(name, users);
                }
            }
            return null;
        });
    }

    /** The containers currently recorded as using the volume. */
    public Set<String> users(String name) throws VolumeException {
        path(name);
        return lock.with(() -> readUsers(name));
    }

    /**
     * Recovers from processes killed mid-way: drops users not in {@code liveUserIds} from every volume,
     * and deletes half-created or half-removed volume directories. Volumes themselves are kept: their
     * data outlives containers, as with docker.
     */
    public void cleanupStale(Set<String> liveUserIds) throws VolumeException {
        lock.with(() -> {
            for (Path leftover : stagingLeftovers()) {
                Trees.delete(leftover);
            }
            for (String name : list()) {
                Set<String> users = readUsers(name);
                if (users.retainAll(liveUserIds)) {
                    writeUsers(name, users);
                }
            }
            return null;
        });
    }

    /**
     * Deletes the volume and its data.
     *
     * @throws VolumeException.InUse while a container still uses it
     * @throws VolumeException.NotFound when there is no such volume
     */
    public void remove(String name) throws VolumeException {
        VolumeName.requireValid(name);
        lock.with(() -> {
            if (!exists(name)) {
                throw new VolumeException.NotFound(name);
            }
            Set<String> users = readUsers(name);
            if (!users.isEmpty()) {
                throw new VolumeException.InUse(name, users);
            }
            Path doomed = dir.resolve(".removing-" + name + "-" + UUID.randomUUID());
            try {
                Files.move(dir.resolve(name), doomed);
            } catch (IOException e) {
                throw new VolumeException.Io(dir.resolve(name), e);
            }
            Trees.delete(doomed);
            return null;
        });
    }

    private List<Path> stagingLeftovers() throws VolumeException {
        List<Path> leftovers = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return leftovers;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, ".{creating,removing}-*")) {
            entries.forEach(leftovers::add);
        } catch (IOException e) {
            throw new VolumeException.Io(dir, e);
        }
        return leftovers;
    }

    private Path createLocked(String name) throws VolumeException {
        Path volume = dir.resolve(name);
        Path data = volume.resolve(DATA);
        if (Files.isDirectory(data)) {
            return data;
        }
        Path staging = dir.resolve(".creating-" + name + "-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging.resolve(DATA));
            Files.move(staging, volume);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Trees.delete(staging);
            if (!Files.isDirectory(data)) {
                throw new VolumeException.Io(volume, e);
            }
        } catch (IOException e) {
            Trees.delete(staging);
            throw new VolumeException.Io(volume, e);
        }
        return data;
    }

    private Set<String> readUsers(String name) throws VolumeException {
        Path file = dir.resolve(name).resolve(USERS);
        if (!Files.exists(file)) {
            return new TreeSet<>();
        }
        try {
            return new TreeSet<>(MAPPER.readValue(file.toFile(), new TypeReference<List<String>>() {}));
        } catch (IOException e) {
            throw new VolumeException.Io(file, e);
        }
    }

    private void writeUsers(String name, Set<String> users) throws VolumeException {
        Path file = dir.resolve(name).resolve(USERS);
        try {
            AtomicFiles.write(file, MAPPER.writeValueAsBytes(users));
        } catch (IOException e) {
            throw new VolumeException.Io(file, e);
        }
    }
}
