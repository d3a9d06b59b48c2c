package dev.cvbench.container.cgroups;

import dev.cvbench.container.CgroupException;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** File helpers shared by both cgroup managers: writes that say which file, flat-keyed reads, teardown. */
final class CgroupFiles {
    private CgroupFiles() {}

    static void write(Path file, String value) throws CgroupException {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            throw new CgroupException(file, "cannot write '" + value + "': " + reason(e), e);
        }
    }

    static String read(Path file) throws CgroupException {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new CgroupException(file, "cannot read: " + reason(e), e);
        }
    }

    static long readLong(Path file, long absent) throws CgroupException {
        if (!Files.exists(file)) {
            return absent;
        }
        String v = read(file);
        return v.equals("max") ? Long.MAX_VALUE : Long.parseLong(v);
    }

    /** Parses "key value" lines (cpu.stat, memory.events, memory.oom_control). */
    static Map<String, Long> readKeyed(Path file) throws CgroupException {
        Map<String, Long> out = new TreeMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : read(file).split("\n")) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2 && kv[1].matches("\\d+")) {
                out.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        return out;
    }

    static List<Long> procs(Path dir) throws CgroupException {
        List<Long> out = new ArrayList<>();
        Path procs = dir.resolve("cgroup.procs");
        try {
            for (String l : Files.readAllLines(procs)) {
                if (!l.isBlank()) {
                    out.add(Long.parseLong(l.trim()));
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new CgroupException(procs, "cannot read: " + reason(e), e);
        }
        return out;
    }

    static void mkdirs(Path dir) throws CgroupException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CgroupException(dir, "cannot create: " + reason(e), e);
        }
    }

    /** SIGKILLs every process in dir until it is empty (bounded wait), then rmdir. */
    static void killAndRemove(Path dir, Syscalls sys) throws CgroupException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> left = procs(dir);
        while (!left.isEmpty()) {
            for (long pid : left) {
                try {
                    sys.kill(pid, Syscalls.SIGKILL);
                } catch (dev.cvbench.container.SyscallException e) {
                    throw new CgroupException(dir, "cannot kill leftover process " + pid + ": " + e.getMessage(), e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CgroupException(dir, "processes " + left + " did not exit after SIGKILL", null);
            }
            sleepBriefly();
            left = procs(dir);
        }
        removeDir(dir);
    }

    /** rmdir on a cgroup directory (its pseudo files go with it); retries briefly on EBUSY. */
    static void removeDir(Path dir) throws CgroupException {
        IOException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // a fake tree in tests holds regular files: remove them like the kernel would
                deleteChildren(dir);
                last = e;
            } catch (IOException e) {
                last = e;
                sleepBriefly();
            }
        }
        throw new CgroupException(dir, "cannot remove: " + reason(last), last);
    }

    private static void deleteChildren(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException ignored) {
            // the next rmdir attempt reports the real problem
        }
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String reason(Exception e) {
        return e == null ? "unknown" : e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
