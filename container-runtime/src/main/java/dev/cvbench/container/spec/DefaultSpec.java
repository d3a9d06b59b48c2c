package dev.cvbench.container.spec;

import java.util.List;

/**
 * The config.json that {@code cvrun spec} writes: runc's default (a {@code sh} in {@code rootfs},
 * every namespace but user and cgroup new, runc's three default capabilities, runc's mounts,
 * masked and read-only paths), so a busybox rootfs runs as is.
 */
public final class DefaultSpec {
    /** runc's default capability set ({@code runc spec}). */
    public static final List<String> DEFAULT_CAPABILITIES = List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");

    public static final List<String> MASKED_PATHS = List.of("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware",
            "/proc/scsi");

    public static final List<String> READONLY_PATHS = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    public static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private DefaultSpec() {}

    public static Spec create() {
        return create(List.of("sh"), "rootfs");
    }

    public static Spec create(List<String> args, String rootPath) {
        Spec.Capabilities caps = new Spec.Capabilities(DEFAULT_CAPABILITIES, DEFAULT_CAPABILITIES, null,
                DEFAULT_CAPABILITIES, DEFAULT_CAPABILITIES);
        Spec.Process process = new Spec.Process(false, new Spec.User(0L, 0L, null), args,
                List.of(DEFAULT_PATH, "TERM=xterm"), "/", caps,
                List.of(new Spec.Rlimit("RLIMIT_NOFILE", java.math.BigInteger.valueOf(1024), java.math.BigInteger.valueOf(1024))),
                true);
        List<Spec.Namespace> ns = List.of(new Spec.Namespace("pid", null), new Spec.Namespace("network", null),
                new Spec.Namespace("ipc", null), new Spec.Namespace("uts", null), new Spec.Namespace("mount", null));
        Spec.Linux linux = new Spec.Linux(ns, null, null, MASKED_PATHS, READONLY_PATHS);
        return new Spec("1.0.2", process, new Spec.Root(rootPath, true), "runc", defaultMounts(), linux, null);
    }

    /** runc's default mounts: proc, a tmpfs /dev, devpts, shm, mqueue, sysfs and a read-only cgroup. */
    public static List<Spec.Mount> defaultMounts() {
        return List.of(
                new Spec.Mount("/proc", "proc", "proc", null),
                new Spec.Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
                new Spec.Mount("/dev/pts", "devpts", "devpts",
                        List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
                new Spec.Mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=65536k")),
                new Spec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
                new Spec.Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")),
                new Spec.Mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of("nosuid", "noexec", "nodev", "relatime", "ro")));
    }
}
