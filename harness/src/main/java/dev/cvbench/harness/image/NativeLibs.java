package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The host shared libraries a jlinked JRE needs (glibc, libstdc++, libz, the loader), copied into the rootfs at
 * the same paths so the dynamic loader finds them with its built-in search path; busybox is static and needs
 * none. The list comes from {@code ldd} over every ELF file in the JRE. An {@code ldd} line looks like
 * <pre>
 *   libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f...)     a library: copy it
 *   /lib64/ld-linux-x86-64.so.2 (0x00007f...)                      the loader: copy it
 *   linux-vdso.so.1 (0x00007f...)                                  provided by the kernel: skip
 *   libjvm.so => not found                                         found at run time via $ORIGIN: skip if the JRE has it
 * </pre>
 * The JRE finds its own libraries through {@code $ORIGIN}, which the loader resolves through
 * {@code /proc/self/exe}: <b>/proc must be mounted</b> before the JRE starts (containers and the VM init do).
 */
final class NativeLibs {
    private NativeLibs() {}

    /** Host library paths named in {@code lddOutput}; names not found are returned in {@code missing}. */
    static Set<Path> parseLdd(String lddOutput, Set<String> missing) {
        Set<Path> out = new TreeSet<>();
        for (String raw : lddOutput.split("\n")) {
            String line = raw.strip();
            int arrow = line.indexOf("=>");
            String path;
            if (arrow >= 0) {
                String right = line.substring(arrow + 2).strip();
                if (right.startsWith("not found")) {
                    missing.add(line.substring(0, arrow).strip());
                    continue;
                }
                path = firstToken(right);
            } else {
                path = firstToken(line);
            }
            if (path.startsWith("/")) {
                out.add(Path.of(path));
            }
        }
        return out;
    }

    private static String firstToken(String s) {
        int sp = s.indexOf(' ');
        return sp < 0 ? s : s.substring(0, sp);
    }

    /**
     * Runs ldd over the ELF files under {@code jre} and copies every library outside it into {@code rootfs}.
     * Returns the in-image paths copied.
     */
    static List<String> copyInto(Path jre, Path rootfs) throws ImageException, InterruptedException, IOException {
        List<Path> elves;
        try (Stream<Path> walk = Files.walk(jre)) {
            elves = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().endsWith(".so") || p.getParent().getFileName().toString().equals("bin"))
                    .sorted().toList();
        }
        Set<String> jreNames = new TreeSet<>();
        elves.forEach(p -> jreNames.add(p.getFileName().toString()));
        Set<Path> libs = new TreeSet<>();
        Set<String> missing = new TreeSet<>();
        Path jreReal = jre.toRealPath();
        for (Path elf : elves) {
            Processes.Result r;
            try {
                r = Processes.run(List.of("ldd", elf.toString()), Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new ImageException.MissingTool("ldd", "cannot run ldd: " + e.getMessage(), "apt-get install libc-bin");
            }
            if (r.exitCode() != 0) {
                continue; // "not a dynamic executable" (static or script): nothing to copy
            }
            for (Path lib : parseLdd(r.output(), missing)) {
                if (!lib.toAbsolutePath().normalize().startsWith(jreReal) && !lib.startsWith(jre)) {
                    libs.add(lib);
                }
            }
        }
        missing.removeAll(jreNames);
        if (!missing.isEmpty()) {
            throw new ImageException.StepFailed(BuildStep.NATIVE_LIBS, "the JRE needs libraries the host lacks: " + missing,
                    List.of(), null);
        }
        List<String> copied = new ArrayList<>();
        for (Path lib : libs) {
            Path dest = rootfs.resolve(lib.toString().substring(1));
            Files.createDirectories(dest.getParent());
            Files.copy(lib, dest, StandardCopyOption.REPLACE_EXISTING); // follows links: the file, under the soname
            copied.add(lib.toString());
        }
        return copied;
    }
}
