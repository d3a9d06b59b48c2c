package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bootable kernel and its modules.
 *
 * @param vmlinuz the compressed kernel image QEMU loads ({@code <os><kernel>})
 * @param modulesDir its {@code lib/modules/<version>} directory, or empty when only the image is known
 * @param version the kernel release, e.g. {@code 6.1.0-56-cloud-amd64}
 */
public record KernelImage(Path vmlinuz, Optional<Path> modulesDir, String version) {
    public KernelImage {
        Objects.requireNonNull(vmlinuz, "vmlinuz");
        Objects.requireNonNull(modulesDir, "modulesDir");
        Objects.requireNonNull(version, "version");
    }

    /**
     * A kernel the user points at. The modules directory is looked up next to it: {@code /boot/vmlinuz-V} pairs
     * with {@code /lib/modules/V}.
     *
     * @throws VmException.KernelNotFound when the file is missing or unreadable
     */
    public static KernelImage fromPath(Path vmlinuz, Optional<Path> modulesDir) throws VmException.KernelNotFound {
        if (!Files.isRegularFile(vmlinuz)) {
            throw new VmException.KernelNotFound(vmlinuz, "kernel " + vmlinuz
                    + " does not exist; give a vmlinuz path, or 'cloud' / 'generic' to fetch a Debian kernel");
        }
        if (!Files.isReadable(vmlinuz)) {
            throw new VmException.KernelNotFound(vmlinuz, "kernel " + vmlinuz + " is not readable; check permissions");
        }
        String file = vmlinuz.getFileName().toString();
        String version = file.startsWith("vmlinuz-") ? file.substring("vmlinuz-".length()) : file;
        Optional<Path> mods = modulesDir.or(() -> guessModules(vmlinuz, version));
        return new KernelImage(vmlinuz, mods, version);
    }

    private static Optional<Path> guessModules(Path vmlinuz, String version) {
        Path parent = vmlinuz.toAbsolutePath().getParent();
        Path base = parent != null && parent.getParent() != null ? parent.getParent() : Path.of("/");
        return Stream.of(base.resolve("lib/modules/" + version), base.resolve("usr/lib/modules/" + version))
                .filter(Files::isDirectory).findFirst();
    }

    /** The kernel under {@code root} as unpacked by {@code dpkg -x}: {@code boot/vmlinuz-*} and its modules. */
    static KernelImage fromUnpacked(Path root) throws VmException.KernelNotFound {
        try (Stream<Path> boot = Files.list(root.resolve("boot"))) {
            Path vmlinuz = boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                    .orElseThrow(() -> new IOException("no boot/vmlinuz-* in the package"));
            return fromPath(vmlinuz, Optional.empty());
        } catch (IOException e) {
            throw new VmException.KernelNotFound(root, "unpacked kernel package at " + root + " has no kernel: "
                    + e.getMessage() + "; delete that directory to fetch it again", e);
        }
    }
}
