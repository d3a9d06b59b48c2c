package dev.cvbench.container.config;

import java.util.List;
import java.util.Optional;

/** Capability names (linux/capability.h order) and their numbers, for turning names into masks. */
public final class LinuxCapabilities {
    private static final List<String> NAMES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH",
            "CAP_FOWNER", "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
            "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
            "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
            "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
            "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
            "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND",
            "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

    private LinuxCapabilities() {}

    public static Optional<Integer> number(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }

    /** Bit mask of the named capabilities; unknown names must have been rejected by validation. */
    public static long mask(List<String> names) {
        long m = 0;
        for (String n : names == null ? List.<String>of() : names) {
            m |= 1L << number(n).orElseThrow(() -> new IllegalArgumentException("unknown capability " + n));
        }
        return m;
    }
}
