package dev.cvbench.vm.host;

import dev.cvbench.core.sandbox.Footprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a process's memory from {@code /proc/<pid>/smaps_rollup}: PSS (proportional set size: private pages
 * plus each shared page divided by the number of processes mapping it, the fair share of a QEMU that shares
 * its binary and libraries with other QEMUs) and RSS (every resident page, shared or not).
 */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The footprint of {@code pid}, or {@link Footprint#unknown()} when the process is gone or unreadable. */
    public static Footprint of(long pid) {
        try {
            return parse(Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup")));
        } catch (IOException e) {
            return Footprint.unknown();
        }
    }

    /** Parses smaps_rollup text; lines look like {@code Pss:   12345 kB}. */
    public static Footprint parse(List<String> smapsRollup) {
        long pss = -1;
        long rss = -1;
        for (String line : smapsRollup) {
            if (line.startsWith("Pss:")) {
                pss = kbField(line) * 1024;
            } else if (line.startsWith("Rss:")) {
                rss = kbField(line) * 1024;
            }
        }
        if (pss < 0 && rss < 0) {
            return Footprint.unknown();
        }
        return new Footprint(pss, rss, -1, -1, "proc-smaps_rollup");
    }

    private static long kbField(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}
