package dev.cvbench.container;

import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.lifecycle.State;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import dev.cvbench.container.state.OciState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ContainerSpec} into an OCI {@link Spec}, so library containers go through the same
 * validation and conversion as config.json. {@code container:ID} modes become namespace paths of
 * that container's init ({@code /proc/PID/ns/net}); it must be created or running.
 */
final class SpecBuilder {
    /** docker's default capability set, wider than runc's three (chown, setuid, raw sockets...). */
    static final List<String> LIBRARY_CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
            "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    private SpecBuilder() {}

    static Spec toSpec(RuntimeContext ctx, String id, ContainerSpec s, List<VolumeMounts.Mount> volumes) throws ContainerException {
        List<String> env = new ArrayList<>(List.of(DefaultSpec.DEFAULT_PATH));
        s.env().forEach((k, v) -> env.add(k + "=" + v));
        Spec.Capabilities caps = new Spec.Capabilities(LIBRARY_CAPABILITIES, LIBRARY_CAPABILITIES, null, LIBRARY_CAPABILITIES, null);
        Spec.Process process = new Spec.Process(false, new Spec.User(0L, 0L, null), s.args(), env, "/", caps, null, false);
        List<Spec.Namespace> ns = new ArrayList<>(List.of(new Spec.Namespace("pid", null), new Spec.Namespace("mount", null),
                new Spec.Namespace("uts", null), new Spec.Namespace("cgroup", null)));
        namespace(ctx, "network", "network", s.network(), List.of("none", "bridge"), ns);
        namespace(ctx, "ipc", "ipc", s.ipc(), List.of("private", "shareable"), ns);
        List<Spec.Mount> mounts = new ArrayList<>(DefaultSpec.defaultMounts());
        shmMount(ctx, id, s.ipc()).ifPresent(shm -> mounts.replaceAll(m -> m.destination().equals("/dev/shm") ? shm : m));
        for (VolumeMounts.Mount m : volumes) {
            mounts.add(new Spec.Mount(m.target(), "bind", m.source(), List.of("rbind", m.read_only() ? "ro" : "rw")));
        }
        Spec.Resources resources = new Spec.Resources(
                s.memoryBytes().map(m -> new Spec.Memory(m, null)).orElse(null),
                s.cpus().map(c -> new Spec.Cpu(null, Math.round(c * 100_000), 100_000L, null, null)).orElse(null),
                s.pidsLimit().map(Spec.Pids::new).orElse(null));
        Spec.Linux linux = new Spec.Linux(ns, resources, null, DefaultSpec.MASKED_PATHS, DefaultSpec.READONLY_PATHS);
        Map<String, String> annotations = new LinkedHashMap<>(s.labels());
        if (s.network().equals("bridge")) {
            annotations.put(ContainerConfig.NETWORK_ANNOTATION, "bridge");
        }
        if (!volumes.isEmpty()) {
            annotations.put(VolumeMounts.ANNOTATION, VolumeMounts.toJson(volumes));
        }
        return new Spec("1.0.2", process, new Spec.Root(s.image().toAbsolutePath().toString(), s.readonlyRootfs()),
                s.hostname().orElse(hostnameFor(id)), mounts, linux, annotations);
    }

    /** Where a shareable container's /dev/shm lives on the host, so that joiners can bind the same directory. */
    static Path shmDir(RuntimeContext ctx, String id) {
        return ctx.store().root().resolve(".shm").resolve(id);
    }

    /**
     * POSIX shm lives in /dev/shm, which is a per-container tmpfs, not part of the IPC namespace;
     * a {@code shareable} container gets a host directory there instead, and {@code container:ID}
     * binds that same directory (docker does the same). Mount namespaces cannot bind each other's mounts.
     */
    private static Optional<Spec.Mount> shmMount(RuntimeContext ctx, String id, String ipc) throws ContainerException {
        String owner = ipc.equals("shareable") ? id : ipc.startsWith("container:") ? ipc.substring("container:".length()) : null;
        if (owner == null) {
            return Optional.empty();
        }
        Path dir = shmDir(ctx, owner);
        if (owner.equals(id)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new ContainerException("cannot create " + dir + ": " + e.getMessage(), e);
            }
        } else if (!Files.isDirectory(dir)) {
            throw new InvalidConfigException("ipc", "container '" + owner + "' does not share its IPC namespace: create it with ipc mode shareable");
        }
        return Optional.of(new Spec.Mount("/dev/shm", "bind", dir.toString(), List.of("rbind", "nosuid", "nodev", "noexec")));
    }

    /** Container ids may hold '_' which host names may not. */
    static String hostnameFor(String id) {
        String h = id.replaceAll("[^A-Za-z0-9.-]", "-").replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
        return h.isEmpty() ? "container" : h.substring(0, Math.min(63, h.length()));
    }

    /** mode: one of the "own namespace" words, "host" (no entry), or "container:ID" (join its namespace). */
    private static void namespace(RuntimeContext ctx, String field, String type, String mode, List<String> own,
                                  List<Spec.Namespace> out) throws ContainerException {
        if (own.contains(mode)) {
            out.add(new Spec.Namespace(type, null));
        } else if (mode.startsWith("container:")) {
            String other = mode.substring("container:".length());
            OciState st = State.run(ctx, other);
            if (st.pid() == null) {
                throw new InvalidConfigException(field, "container '" + other + "' is " + st.status() + ": it must be running to share its " + type + " namespace");
            }
            out.add(new Spec.Namespace(type, "/proc/" + st.pid() + "/ns/" + (type.equals("network") ? "net" : type)));
        } else if (!mode.equals("host")) {
            throw new InvalidConfigException(field, "unknown " + field + " mode '" + mode + "' (" + String.join(", ", own)
                    + ", host, container:ID)");
        }
    }
}
