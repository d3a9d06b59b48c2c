package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * One loadable kernel module file. Debian 12 ships plain {@code .ko}; newer distributions compress them
 * ({@code .ko.xz}, {@code .ko.zst}, {@code .ko.gz}), which busybox {@code insmod} cannot load, so
 * {@link #plainBytes()} decompresses.
 *
 * @param name module name as the kernel knows it (dashes turned into underscores)
 * @param file the module file
 */
public record KernelModule(String name, Path file) {
    public KernelModule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
    }

    /** Module name from a file name: {@code virtio-net.ko.xz} is {@code virtio_net}. */
    public static String nameOf(String fileName) {
        String base = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        int ko = base.indexOf(".ko");
        return (ko >= 0 ? base.substring(0, ko) : base).replace('-', '_');
    }

    /** The module as an uncompressed ELF object. */
    public byte[] plainBytes() throws VmException.ImageBuildFailed {
        String f = file.getFileName().toString();
        try {
            if (f.endsWith(".ko")) {
                return Files.readAllBytes(file);
            }
            if (f.endsWith(".ko.xz")) {
                try (InputStream in = new XZInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
            if (f.endsWith(".ko.gz")) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new VmException.ImageBuildFailed(file, "cannot read kernel module " + file + ": " + e.getMessage(), e);
        }
        throw new VmException.ImageBuildFailed(file, "kernel module " + file + " uses an unsupported compression;"
                + " decompress the modules directory first (e.g. unzstd) or use a kernel with .ko/.ko.xz modules",
                null);
    }
}
