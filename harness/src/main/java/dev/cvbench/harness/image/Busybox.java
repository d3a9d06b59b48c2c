package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The image's userland: one static {@code busybox} binary at {@code /bin/busybox} plus a symbolic link per
 * applet ({@code /bin/sh -> /bin/busybox}, {@code /sbin/ip -> /bin/busybox}, ...). busybox picks the applet
 * from the name it was started as. The applet paths come from {@code busybox --list-full}, which prints them
 * relative to the root ({@code usr/bin/awk}).
 */
final class Busybox {
    static final String FIX = "apt-get install busybox-static";
    /** Where Debian's busybox-static puts the binary. */
    static final Path DEFAULT = Path.of("/bin/busybox");
    static final String IN_IMAGE = "/bin/busybox";

    private Busybox() {}

    /**
     * Finds a static busybox: {@code explicit} if given, else the file {@code dpkg -L busybox-static} lists,
     * else {@code /bin/busybox}. It must be a static ELF executable.
     */
    static Path locate(Optional<Path> explicit) throws ImageException, InterruptedException {
        Path candidate = explicit.orElse(null);
        if (candidate == null) {
            candidate = fromDpkg().orElse(DEFAULT);
        }
        if (!Files.isRegularFile(candidate) || !Files.isExecutable(candidate)) {
            throw new ImageException.MissingTool("busybox", "no busybox at " + candidate, FIX);
        }
        try {
            if (!Elf.isStatic(candidate)) {
                throw new ImageException.MissingTool("busybox",
                        candidate + " is dynamically linked (the 'busybox' package, not 'busybox-static')", FIX);
            }
        } catch (IOException e) {
            throw new ImageException.MissingTool("busybox", "cannot read " + candidate + ": " + e.getMessage(), FIX);
        }
        return candidate;
    }

    private static Optional<Path> fromDpkg() throws InterruptedException {
        try {
            Processes.Result r = Processes.run(List.of("dpkg", "-L", "busybox-static"), Duration.ofSeconds(20));
            if (r.exitCode() != 0) {
                return Optional.empty();
            }
            return r.lines().stream().map(String::strip).filter(l -> l.endsWith("/bin/busybox")).map(Path::of).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // no dpkg: not Debian; fall back to the default path
        }
    }

    /** The applet paths {@code busybox --list-full} prints. */
    static List<String> listApplets(Path busybox) throws ImageException, InterruptedException {
        Processes.Result r = Processes.check(BuildStep.BUSYBOX, List.of(busybox.toString(), "--list-full"), Duration.ofSeconds(20));
        return parseAppletList(r.output());
    }

    /**
     * Parses {@code --list-full} output into relative paths, one per applet: blank lines dropped, duplicates
     * and the {@code busybox} binary itself removed, and anything that could escape the rootfs (absolute
     * paths, {@code ..}) rejected.
     */
    static List<String> parseAppletList(String listFull) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : listFull.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            while (line.startsWith("/")) {
                line = line.substring(1);
            }
            Path p = Path.of(line).normalize();
            if (p.toString().isEmpty() || p.startsWith("..") || p.getFileName().toString().equals("busybox")) {
                continue;
            }
            out.add(p.toString());
        }
        return new ArrayList<>(out);
    }

    /**
     * Copies busybox to {@code /bin/busybox} in {@code rootfs} and links the applets {@code wanted} accepts
     * (by applet name, e.g. {@code sh}). Existing files are left alone. Returns the number of links made.
     */
    static int install(Path busybox, Path rootfs, List<String> applets, Predicate<String> wanted) throws IOException {
        Path target = rootfs.resolve(IN_IMAGE.substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(busybox, target);
        Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int made = 0;
        for (String applet : applets) {
            Path link = rootfs.resolve(applet);
            if (!wanted.test(link.getFileName().toString()) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(IN_IMAGE));
            made++;
        }
        return made;
    }
}
