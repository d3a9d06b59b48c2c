package dev.cvbench.vm.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds QEMU processes by what libvirt puts on their command line: {@code -name guest=<domain>,...}. Used when
 * there is no pid file (remote-less daemons put it elsewhere) and to find orphans: QEMUs of ours that no
 * libvirt connection knows any more, because the JVM that started them was killed.
 */
public final class QemuProcesses {
    private QemuProcesses() {
    }

    /** A QEMU process and its argv. */
    public record QemuProcess(long pid, List<String> argv) {
        /** The domain name from {@code -name guest=NAME,...}, if present. */
        public Optional<String> guestName() {
            for (int i = 0; i + 1 < argv.size(); i++) {
                if (argv.get(i).equals("-name")) {
                    for (String part : argv.get(i + 1).split(",")) {
                        if (part.startsWith("guest=")) {
                            return Optional.of(part.substring("guest=".length()));
                        }
                    }
                    return Optional.of(argv.get(i + 1).split(",")[0]);
                }
            }
            return Optional.empty();
        }

        /** True if any argument mentions {@code path} (the embed root appears in pid file and socket paths). */
        public boolean mentions(Path path) {
            String p = path.toAbsolutePath().toString();
            return argv.stream().anyMatch(a -> a.contains(p));
        }
    }

    /** The pid recorded in libvirt's pid file, if the file exists and the process is alive. */
    public static OptionalLong fromPidFile(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return Files.exists(Path.of("/proc", Long.toString(pid))) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Every running process whose executable name starts with {@code qemu-system}. */
    public static List<QemuProcess> all() {
        List<QemuProcess> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> isPid(p))) {
            for (Path dir : procs) {
                readArgv(dir).filter(a -> !a.isEmpty() && Path.of(a.get(0)).getFileName().toString()
                                .startsWith("qemu-system"))
                        .ifPresent(a -> found.add(new QemuProcess(Long.parseLong(dir.getFileName().toString()), a)));
            }
        } catch (IOException e) {
            return List.of();
        }
        return found;
    }

    /** The QEMU running domain {@code name}, if any. */
    public static OptionalLong byGuestName(String name) {
        return all().stream().filter(q -> q.guestName().map(name::equals).orElse(false))
                .mapToLong(QemuProcess::pid).findFirst();
    }

    /** Parses a NUL-separated {@code /proc/<pid>/cmdline}. */
    public static List<String> parseCmdline(byte[] raw) {
        List<String> argv = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                argv.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < raw.length) {
            argv.add(new String(raw, start, raw.length - start, StandardCharsets.UTF_8));
        }
        return argv;
    }

    private static Optional<List<String>> readArgv(Path procDir) {
        try {
            return Optional.of(parseCmdline(Files.readAllBytes(procDir.resolve("cmdline"))));
        } catch (IOException e) {
            return Optional.empty(); // the process ended while we looked
        }
    }

    private static boolean isPid(Path p) {
        String n = p.getFileName().toString();
        return !n.isEmpty() && n.chars().allMatch(Character::isDigit);
    }
}
