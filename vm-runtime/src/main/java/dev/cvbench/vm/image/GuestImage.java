package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A kernel and the initramfs made from a rootfs for it: the two files a {@code VmSpec} boots.
 *
 * <pre>{@code
 * KernelImage kernel = new KernelFetcher(cache).fetch(KernelFetcher.Flavor.CLOUD);
 * GuestImage image = GuestImage.prepare(kernel, rootfsDir, cache, ModuleResolver.VIRTIO_NET,
 *         InitramfsWriter.Compression.NONE);
 * VmSpec.builder().kernel(image.kernel()).initramfs(image.initramfs())...
 * }</pre>
 *
 * @param kernel the vmlinuz
 * @param initramfs the cpio archive with rootfs, modules and /init
 * @param modules the modules /init loads, in order
 */
public record GuestImage(Path kernel, Path initramfs, List<KernelModule> modules) {
    public GuestImage {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initramfs, "initramfs");
        modules = List.copyOf(modules);
    }

    /**
     * Resolves {@code wantedModules} for {@code kernel} and writes (or reuses) the initramfs in {@code cacheDir}.
     *
     * @throws VmException.ModuleNotFound when a wanted module is missing from the kernel
     */
    public static GuestImage prepare(KernelImage kernel, Path rootfs, Path cacheDir, Collection<String> wantedModules,
            InitramfsWriter.Compression compression) throws VmException {
        List<KernelModule> modules = List.of();
        if (!wantedModules.isEmpty()) {
            Path dir = kernel.modulesDir().orElseThrow(() -> new VmException.KernelNotFound(kernel.vmlinuz(),
                    "no modules directory known for kernel " + kernel.vmlinuz() + " but modules " + wantedModules
                            + " are needed; pass the kernel's lib/modules/<version> directory"));
            modules = new ModuleResolver(dir).resolve(wantedModules);
        }
        Path initramfs = InitramfsWriter.write(rootfs, modules, cacheDir, compression);
        return new GuestImage(kernel.vmlinuz(), initramfs, modules);
    }
}
