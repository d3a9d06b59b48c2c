package dev.cvbench.container;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.volume.VolumeException;
import dev.cvbench.container.volume.VolumeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container's binds and named volumes, resolved to host directories and recorded in its OCI
 * annotations ({@value #ANNOTATION}, a JSON list) so that {@code --volumes-from} can give another
 * container the same mounts and delete can release the named volumes:
 *
 * <pre>
 * dev.cvbench.mounts = [{"source":"/run/cvbench/volumes/logs/_data","target":"/var/log/app","read_only":false,"volume":"logs"},
 *                       {"source":"/srv/conf","target":"/etc/app","read_only":true,"volume":null}]
 * </pre>
 *
 * Named volumes are {@link VolumeStore#acquire acquired} with the container id as the user, and released
 * by {@link #release} (delete, janitor) or when create fails.
 */
public final class VolumeMounts {
    /** The OCI annotation holding the resolved mounts. */
    public static final String ANNOTATION = "dev.cvbench.mounts";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One resolved mount.
     *
     * @param volume the named volume behind {@code source}, or null for a host directory
     */
    public record Mount(String source, String target, boolean read_only, String volume) {}

    private VolumeMounts() {}

    /** Resolves binds, volumes-from and named volumes (acquiring these for {@code id}); later targets win. */
    static List<Mount> resolve(RuntimeContext ctx, String id, ContainerSpec spec) throws ContainerException {
        Map<String, Mount> byTarget = new LinkedHashMap<>();
        for (String from : spec.volumesFrom()) {
            for (Mount m : recorded(ctx.store().readRecord(from))) {
                byTarget.put(m.target(), m);
            }
        }
        for (ContainerSpec.Bind b : spec.binds()) {
            Path host = b.hostPath().toAbsolutePath().normalize();
            if (!Files.exists(host)) {
                throw new InvalidConfigException("mounts", "host path " + host + " does not exist: create it first");
            }
            byTarget.put(b.containerPath(), new Mount(host.toString(), b.containerPath(), b.readOnly(), null));
        }
        for (ContainerSpec.NamedVolume v : spec.volumes()) {
            byTarget.put(v.containerPath(), new Mount(null, v.containerPath(), v.readOnly(), v.name()));
        }
        List<Mount> out = new ArrayList<>();
        VolumeStore store = store(ctx);
        try {
            for (Mount m : byTarget.values()) {
                out.add(m.volume() == null ? m : new Mount(store.acquire(m.volume(), id).toString(), m.target(), m.read_only(),
                        m.volume()));
            }
        } catch (VolumeException e) {
            release(ctx, id, out);
            throw e;
        }
        return out;
    }

    /** The mounts recorded for a container (empty for one created from a plain config.json). */
    public static List<Mount> recorded(RuntimeRecord r) throws ContainerException {
        String json = r.annotations() == null ? null : r.annotations().get(ANNOTATION);
        if (json == null) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<Mount>>() {});
        } catch (IOException e) {
            throw new ContainerException("corrupt " + ANNOTATION + " annotation of '" + r.id() + "': " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    static String toJson(List<Mount> mounts) {
        try {
            return JSON.writeValueAsString(mounts);
        } catch (IOException e) {
            throw new IllegalStateException("mount records always serialize", e);
        }
    }

    /** Gives back the named volumes {@code id} acquired; never fails half-way. */
    public static void release(RuntimeContext ctx, String id, List<Mount> mounts) throws ContainerException {
        ContainerException first = null;
        for (Mount m : mounts) {
            if (m.volume() != null) {
                try {
                    store(ctx).release(m.volume(), id);
                } catch (VolumeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static VolumeStore store(RuntimeContext ctx) {
        return new VolumeStore(ctx.store().root());
    }
}
