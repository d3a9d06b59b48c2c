package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The directories and {@code /etc} files every instance expects: mount points for the kernel file systems
 * ({@code /proc /sys /dev /run}), a world-writable sticky {@code /tmp}, and the two users (root, nobody) that
 * tools look up by name.
 */
final class RootfsSkeleton {
    private RootfsSkeleton() {}

    /** Directory -> octal mode. */
    static Map<String, Integer> directories() {
        Map<String, Integer> d = new LinkedHashMap<>();
        for (String dir : new String[] {"bin", "sbin", "usr/bin", "usr/sbin", "etc", "proc", "sys", "dev", "run", "mnt", "var",
                                        "opt/cvbench/lib"}) {
            d.put(dir, 0755);
        }
        d.put("root", 0700);
        d.put("tmp", 01777);
        d.put("var/tmp", 01777);
        return d;
    }

    /** Path -> content of the files in {@code /etc}. */
    static Map<String, String> etcFiles(String hostname) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n");
        f.put("etc/group", "root:x:0:\nnobody:x:65534:\n");
        f.put("etc/hostname", hostname + "\n");
        f.put("etc/hosts", "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t" + hostname + "\n");
        f.put("etc/nsswitch.conf", "passwd: files\ngroup: files\nhosts: files dns\n");
        return f;
    }

    static void create(Path rootfs, String hostname) throws IOException {
        for (Map.Entry<String, Integer> e : directories().entrySet()) {
            Path dir = Files.createDirectories(rootfs.resolve(e.getKey()));
            Files.setAttribute(dir, "unix:mode", e.getValue()); // the umask does not apply; the sticky bit needs "unix:"
        }
        for (Map.Entry<String, String> e : etcFiles(hostname).entrySet()) {
            Path file = rootfs.resolve(e.getKey());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            Files.setAttribute(file, "unix:mode", 0644);
        }
    }
}
