package dev.cvbench.container.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads /proc to tell whether a pid is still the process we started (pid + start time). */
public final class ProcessTable {
    private ProcessTable() {}

    /** Start time in clock ticks since boot, or -1 when there is no such process. */
    public static long startTime(long pid) {
        String[] f = stat(pid);
        return f == null ? -1 : Long.parseLong(f[19]);
    }

    /** True if pid exists, is not a zombie, and (when startTime > 0) started at startTime. */
    public static boolean isAlive(long pid, long startTime) {
        if (pid <= 0) {
            return false;
        }
        String[] f = stat(pid);
        return f != null && !f[0].equals("Z") && !f[0].equals("X") && (startTime <= 0 || Long.parseLong(f[19]) == startTime);
    }

    /** Fields after the command name ("state ppid ..."), or null. */
    private static String[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public static long self() {
        return ProcessHandle.current().pid();
    }
}
