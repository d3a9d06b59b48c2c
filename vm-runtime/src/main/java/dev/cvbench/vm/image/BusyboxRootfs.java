package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The smallest useful guest rootfs: a static busybox and one symlink per applet (what
 * {@code busybox --install -s} would create). Used by tests and the boot benchmark; the default guest image
 * (with the JRE and agents) is built by the harness.
 */
public final class BusyboxRootfs {
    /** Debian's busybox-static installs here. */
    public static final Path HOST_BUSYBOX = Path.of("/bin/busybox");

    private BusyboxRootfs() {
    }

    /**
     * Creates the rootfs under {@code dir} unless it is already there.
     *
     * @throws VmException.ImageBuildFailed when busybox is missing or the tree cannot be written
     */
    public static Path create(Path dir) throws VmException {
        Path bin = dir.resolve("bin");
        if (Files.isRegularFile(bin.resolve("busybox"))) {
            return dir;
        }
        if (!Files.isExecutable(HOST_BUSYBOX)) {
            throw new VmException.ImageBuildFailed(HOST_BUSYBOX, "no static busybox at " + HOST_BUSYBOX
                    + "; install it: apt-get install busybox-static", null);
        }
        try {
            Path tmp = Files.createTempDirectory(dir.toAbsolutePath().getParent(), "rootfs-busybox");
            Path tbin = Files.createDirectories(tmp.resolve("bin"));
            Files.copy(HOST_BUSYBOX, tbin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
            Process p = new ProcessBuilder(HOST_BUSYBOX.toString(), "--list").redirectErrorStream(true).start();
            String list = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException("busybox --list failed: " + list.strip());
            }
            for (String applet : list.split("\n")) {
                String a = applet.trim();
                if (!a.isEmpty() && !a.equals("busybox") && !a.contains("/")) {
                    Files.createSymbolicLink(tbin.resolve(a), Path.of("busybox"));
                }
            }
            for (String d : new String[] {"sbin", "usr/bin", "usr/sbin", "etc", "root"}) {
                Files.createDirectories(tmp.resolve(d));
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            throw new VmException.ImageBuildFailed(dir, "cannot create busybox rootfs in " + dir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException.ImageBuildFailed(dir, "interrupted while creating busybox rootfs", e);
        }
    }
}
