package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Packs a guest root file system into an initramfs: a "newc" cpio archive (the only format the kernel
 * unpacks), optionally gzip-compressed, that the kernel extracts into a tmpfs and runs {@code /init} from.
 *
 * <p>Contents: every file, directory and symlink of the rootfs directory (modes and modification times kept,
 * since the JVM's AppCDS archive checks its jars' mtimes; owner root; device nodes and sockets skipped), then cvbench's {@code /init} (replacing
 * any in the rootfs), the kernel modules as plain {@code .ko} under {@code /lib/modules/cvbench/} with an
 * {@code order} file /init reads, and a {@code /dev/console} node (character 5:1) so init has a console before
 * devtmpfs is mounted.
 *
 * <p>Cached: the file name carries a SHA-256 over the inputs (each rootfs entry's path, type, mode, size, mtime
 * and link target; the init script; the modules' contents; the compression), so an unchanged input is not
 * written twice and a changed one never reuses a stale image. Written to a temporary file and renamed.
 *
 * <p>Compression: under TCG the kernel's gzip inflate runs emulated (slower than reading more bytes from the
 * host's page cache), so {@link Compression#NONE} is the default; measure with BootBenchmark.
 */
public final class InitramfsWriter {
    /** How the archive is compressed. */
    public enum Compression { NONE, GZIP }

    private static final String FORMAT_VERSION = "cvbench-initramfs-2";
    private static final String MODULE_DIR = "lib/modules/cvbench";

    private InitramfsWriter() {
    }

    /** cvbench's /init script, from the jar. */
    public static byte[] initScript() {
        try (InputStream in = InitramfsWriter.class.getResourceAsStream("init.sh")) {
            if (in == null) {
                throw new IllegalStateException("init.sh missing from the vm-runtime jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes (or reuses) the initramfs for these inputs in {@code cacheDir} and returns its path.
     *
     * @throws VmException.ImageBuildFailed when the rootfs cannot be read or the archive cannot be written
     */
    public static Path write(Path rootfs, List<KernelModule> modules, Path cacheDir, Compression compression)
            throws VmException {
        if (!Files.isDirectory(rootfs)) {
            throw new VmException.ImageBuildFailed(rootfs, "rootfs " + rootfs + " is not a directory", null);
        }
        byte[] init = initScript();
        List<byte[]> moduleBytes = new ArrayList<>();
        for (KernelModule m : modules) {
            moduleBytes.add(m.plainBytes());
        }
        try {
            List<Path> entries = listRootfs(rootfs);
            String key = cacheKey(rootfs, entries, init, modules, moduleBytes, compression);
            Path target = cacheDir.resolve("initramfs-" + key + (compression == Compression.GZIP ? ".cpio.gz" : ".cpio"));
            if (Files.isRegularFile(target)) {
                return target;
            }
            Files.createDirectories(cacheDir);
            Path tmp = Files.createTempFile(cacheDir, "initramfs-", ".tmp");
            try {
                try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                        OutputStream out = compression == Compression.GZIP ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                    writeCpio(rootfs, entries, init, modules, moduleBytes, out);
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new VmException.ImageBuildFailed(cacheDir, "cannot write initramfs from " + rootfs + " into "
                    + cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** Writes the archive to {@code out} (not closed). */
    static void writeCpio(Path rootfs, List<Path> entries, byte[] init, List<KernelModule> modules,
            List<byte[]> moduleBytes, OutputStream out) throws IOException {
        CpioArchiveOutputStream cpio = new CpioArchiveOutputStream(out, CpioConstants.FORMAT_NEW, 512,
                StandardCharsets.UTF_8.name());
        Set<String> dirs = new TreeSet<>();
        for (Path p : entries) {
            String name = rootfs.relativize(p).toString();
            if (name.equals("init")) {
                continue;
            }
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            int perm = permBits(a.permissions());
            if (a.isSymbolicLink()) {
                byte[] target = Files.readSymbolicLink(p).toString().getBytes(StandardCharsets.UTF_8);
                put(cpio, name, CpioConstants.C_ISLNK | 0777, target, mtime(a));
            } else if (a.isDirectory()) {
                dirs.add(name);
                put(cpio, name, CpioConstants.C_ISDIR | perm, new byte[0], mtime(a));
            } else if (a.isRegularFile()) {
                putFile(cpio, name, CpioConstants.C_ISREG | perm, p, a.size(), mtime(a));
            }
            // device nodes, FIFOs and sockets of the rootfs are skipped: devtmpfs provides devices
        }
        for (String d : List.of("dev", "proc", "sys", "tmp", "run", "root", "lib", "lib/modules", MODULE_DIR)) {
            if (dirs.add(d)) {
                put(cpio, d, CpioConstants.C_ISDIR | 0755, new byte[0], 0);
            }
        }
        CpioArchiveEntry console = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, "dev/console");
        console.setMode(CpioConstants.C_ISCHR | 0600);
        console.setRemoteDeviceMaj(5);
        console.setRemoteDeviceMin(1);
        console.setNumberOfLinks(1);
        cpio.putArchiveEntry(console);
        cpio.closeArchiveEntry();
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < modules.size(); i++) {
            String file = modules.get(i).name() + ".ko";
            put(cpio, MODULE_DIR + "/" + file, CpioConstants.C_ISREG | 0644, moduleBytes.get(i), 0);
            order.append(file).append('\n');
        }
        put(cpio, MODULE_DIR + "/order", CpioConstants.C_ISREG | 0644, order.toString().getBytes(StandardCharsets.UTF_8),
                0);
        put(cpio, "init", CpioConstants.C_ISREG | 0755, init, 0);
        cpio.finish();
    }

    private static long mtime(PosixFileAttributes a) {
        return a.lastModifiedTime().toMillis() / 1000;
    }

    private static void put(CpioArchiveOutputStream cpio, String name, int mode, byte[] data, long mtimeSeconds)
            throws IOException {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        e.setMode(mode);
        e.setSize(data.length);
        e.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
        e.setTime(mtimeSeconds);
        cpio.putArchiveEntry(e);
        cpio.write(data);
        cpio.closeArchiveEntry();
    }

    private static void putFile(CpioArchiveOutputStream cpio, String name, int mode, Path file, long size,
            long mtimeSeconds) throws IOException {
        CpioArchiveEntry e = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        e.setMode(mode);
        e.setSize(size);
        e.setNumberOfLinks(1);
        e.setTime(mtimeSeconds);
        cpio.putArchiveEntry(e);
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(cpio);
        }
        cpio.closeArchiveEntry();
    }

    static List<Path> listRootfs(Path rootfs) throws IOException {
        try (Stream<Path> walk = Files.walk(rootfs)) {
            return walk.filter(p -> !p.equals(rootfs)).sorted().toList();
        }
    }

    private static int permBits(Set<PosixFilePermission> perms) {
        int bits = 0;
        for (PosixFilePermission p : perms) {
            bits |= 1 << (8 - p.ordinal());
        }
        return bits;
    }

    private static String cacheKey(Path rootfs, List<Path> entries, byte[] init, List<KernelModule> modules,
            List<byte[]> moduleBytes, Compression compression) throws IOException {
        MessageDigest md = sha256();
        update(md, FORMAT_VERSION + "\n" + compression + "\n");
        md.update(init);
        for (Path p : entries) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            String link = a.isSymbolicLink() ? Files.readSymbolicLink(p).toString() : "";
            update(md, rootfs.relativize(p) + "|" + (a.isDirectory() ? "d" : a.isSymbolicLink() ? "l" : "f") + "|"
                    + permBits(a.permissions()) + "|" + a.size() + "|" + a.lastModifiedTime().toMillis() + "|" + link
                    + "\n");
        }
        for (int i = 0; i < modules.size(); i++) {
            update(md, modules.get(i).name() + "\n");
            md.update(moduleBytes.get(i));
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
