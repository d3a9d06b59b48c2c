package dev.cvbench.container.config;

import java.util.List;
import java.util.Optional;

/** RLIMIT_* names in the kernel's numbering (asm-generic/resource.h, x86_64). */
public final class Rlimits {
    private static final List<String> NAMES = List.of("RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK",
            "RLIMIT_CORE", "RLIMIT_RSS", "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS",
            "RLIMIT_LOCKS", "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME");

    private Rlimits() {}

    public static Optional<Integer> number(String name) {
        int i = NAMES.indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(i);
    }
}
