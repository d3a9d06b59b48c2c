package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.Footprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Memory of a process tree as the host sees it, from {@code /proc/<pid>/smaps_rollup}: PSS (shared pages
 * divided among the processes that map them, the fair measure for density) and RSS, summed over the
 * process and its descendants.
 */
public final class ProcFootprint {
    private ProcFootprint() {}

    public static Footprint of(ProcessHandle root) {
        long pss = 0;
        long rss = 0;
        boolean any = false;
        for (ProcessHandle p : concat(root)) {
            long[] v = read(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"));
            if (v != null) {
                pss += v[0];
                rss += v[1];
                any = true;
            }
        }
        return any ? new Footprint(pss, rss, -1, -1, "proc-smaps_rollup") : Footprint.unknown();
    }

    private static List<ProcessHandle> concat(ProcessHandle root) {
        List<ProcessHandle> all = new java.util.ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** Returns {pss, rss} in bytes, or null when the process is gone or unreadable. */
    static long[] read(Path smapsRollup) {
        try {
            return parse(Files.readAllLines(smapsRollup));
        } catch (IOException e) {
            return null;
        }
    }

    static long[] parse(List<String> lines) {
        long pss = 0;
        long rss = 0;
        for (String l : lines) {
            if (l.startsWith("Pss:")) {
                pss = kb(l);
            } else if (l.startsWith("Rss:")) {
                rss = kb(l);
            }
        }
        return new long[] {pss, rss};
    }

    private static long kb(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
