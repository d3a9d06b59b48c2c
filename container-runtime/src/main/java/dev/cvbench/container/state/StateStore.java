package dev.cvbench.container.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerExistsException;
import dev.cvbench.container.NoSuchContainerException;
import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The runtime's root directory: one directory per container ({@code <root>/<id>/}) holding
 * {@code state.json} (OCI state), {@code runtime.json} ({@link RuntimeRecord}), the exec fifo,
 * {@code container.log}, the exit file and the overlay layers. JSON files are written atomically.
 * A container directory is created with one mkdir, so two creators of the same id cannot both win.
 */
public final class StateStore {
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    /**
     * Directories under the root that are not containers: cvinit, CNI state, named volumes, and the vm
     * sandbox's state (its libvirt embed root), which shares the root with containers.
     */
    public static final Set<String> RESERVED = Set.of("bin", "cni", "volumes", "vm");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path root;

    public StateStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path dir(String id) {
        return root.resolve(id);
    }

    public static void checkId(String id) throws ContainerException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new ContainerException("invalid container id '" + id + "': use letters, digits, '_', '.', '-' (max 128)");
        }
        if (RESERVED.contains(id)) {
            throw new ContainerException("container id '" + id + "' is reserved (" + String.join(", ", RESERVED) + "): choose another");
        }
    }

    /** Creates the container's directory; fails if the id is taken. */
    public Path createDir(String id) throws ContainerException {
        checkId(id);
        try {
            Files.createDirectories(root);
            return Files.createDirectory(dir(id));
        } catch (FileAlreadyExistsException e) {
            throw new ContainerExistsException(id);
        } catch (IOException e) {
            throw new ContainerException("cannot create state directory " + dir(id) + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String id) {
        return Files.isDirectory(dir(id));
    }

    public RuntimeRecord readRecord(String id) throws ContainerException {
        checkId(id);
        try {
            return JSON.readValue(Files.readString(dir(id).resolve("runtime.json")), RuntimeRecord.class);
        } catch (NoSuchFileException e) {
            throw new NoSuchContainerException(id);
        } catch (IOException e) {
            throw new ContainerException("corrupt state for '" + id + "' (" + e.getMessage() + "): `cvrun delete --force " + id + "`", e);
        }
    }

    public void writeRecord(RuntimeRecord r) throws ContainerException {
        write(dir(r.id()).resolve("runtime.json"), r);
    }

    public void writeState(OciState s) throws ContainerException {
        write(dir(s.id()).resolve("state.json"), s);
    }

    public static String toJson(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException("state records always serialize", e);
        }
    }

    private void write(Path file, Object value) throws ContainerException {
        try {
            AtomicFiles.writeString(file, toJson(value) + "\n");
        } catch (IOException e) {
            throw new ContainerException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Ids of every container directory (also half-created ones). */
    public List<String> ids() throws ContainerException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            List<String> out = new ArrayList<>();
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> ID.matcher(n).matches())
                    .filter(n -> !RESERVED.contains(n)).sorted().forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new ContainerException("cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** Removes the container's directory; never descends into another filesystem (a still-mounted rootfs). */
    public void removeDir(String id) throws ContainerException {
        Path dir = dir(id);
        try {
            for (int attempt = 0; Files.exists(dir); attempt++) {
                try {
                    deleteTree(dir, Files.getAttribute(dir, "unix:dev"));
                } catch (java.nio.file.DirectoryNotEmptyException e) {
                    // cvinit's monitor may be writing the exit file right now; it is quick
                    if (attempt == 50) {
                        throw e;
                    }
                    Thread.sleep(10);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerException("interrupted while removing " + dir, e);
        } catch (IOException e) {
            throw new ContainerException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p, Object dev) throws IOException {
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.getAttribute(p, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS).equals(dev)) {
                throw new IOException(p + " is still a mount point");
            }
            try (Stream<Path> s = Files.list(p)) {
                for (Path c : (Iterable<Path>) s::iterator) {
                    deleteTree(c, dev);
                }
            }
        }
        Files.deleteIfExists(p);
    }
}
