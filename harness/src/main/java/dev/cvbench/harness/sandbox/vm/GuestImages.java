package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.image.ImageException;
import dev.cvbench.harness.sandbox.DefaultImage;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.image.InitramfsWriter;
import dev.cvbench.vm.image.KernelFetcher;
import dev.cvbench.vm.image.KernelImage;
import dev.cvbench.vm.image.ModuleResolver;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bootable form of the default guest image, per kernel: the kernel (fetched once into the cache) and the
 * image's rootfs packed as an uncompressed initramfs with that kernel's virtio-net modules (cached by content,
 * so only the first use after a change writes it). Prepared once per kernel and sandbox, never per instance.
 */
final class GuestImages {
    /** A kernel and initramfs ready to boot, plus the agent jar names for the class path. */
    record Bootable(KernelImage kernel, GuestImage image, List<String> agentJars, String label) {}

    private final Path cacheDir;
    private final Consumer<String> progress;
    private final Map<KernelChoice, Bootable> prepared = new HashMap<>();

    GuestImages(Path cacheDir, Consumer<String> progress) {
        this.cacheDir = cacheDir;
        this.progress = progress;
    }

    /**
     * The bootable image for {@code choice}, preparing it on first use.
     *
     * @throws HarnessException.MissingPrerequisite when the kernel cannot be fetched or the image not built
     * @throws HarnessException.BadInput when a kernel file given by path lacks the virtio modules
     */
    synchronized Bootable get(KernelChoice choice) throws HarnessException, InterruptedException {
        Bootable b = prepared.get(choice);
        if (b == null) {
            b = prepare(choice);
            prepared.put(choice, b);
        }
        return b;
    }

    private Bootable prepare(KernelChoice choice) throws HarnessException, InterruptedException {
        KernelImage kernel = kernel(choice);
        dev.cvbench.harness.image.GuestImage rootfs;
        try {
            rootfs = DefaultImage.get(cacheDir, progress);
        } catch (ImageException e) {
            throw new HarnessException.MissingPrerequisite("cannot build the default guest image: " + e.getMessage(), e);
        }
        progress.accept("vm: packing the guest image as initramfs for kernel " + kernel.version());
        try {
            // a kernel file without a modules directory must have virtio built in: nothing to load
            List<String> modules = choice instanceof KernelChoice.File && kernel.modulesDir().isEmpty() ? List.of() : ModuleResolver.VIRTIO_NET;
            GuestImage image = GuestImage.prepare(kernel, rootfs.rootfs(), VmPaths.initramfs(cacheDir), modules,
                    InitramfsWriter.Compression.NONE);
            return new Bootable(kernel, image, rootfs.manifest().agentJars(), choice.label());
        } catch (VmException.ModuleNotFound | VmException.KernelNotFound e) {
            if (choice instanceof KernelChoice.File) {
                throw new HarnessException.BadInput("kernel " + choice.label() + ": " + e.getMessage(), e);
            }
            throw new HarnessException.MissingPrerequisite(e.getMessage(), e);
        } catch (VmException e) {
            throw new HarnessException.MissingPrerequisite("cannot write the guest initramfs: " + e.getMessage(), e);
        }
    }

    private KernelImage kernel(KernelChoice choice) throws HarnessException {
        try {
            if (choice instanceof KernelChoice.Debian d) {
                progress.accept("vm: guest kernel " + choice.label() + " (Debian " + d.flavor().metapackage() + ", fetched once into "
                        + VmPaths.kernels(cacheDir) + ")");
                return new KernelFetcher(VmPaths.kernels(cacheDir)).fetch(d.flavor());
            }
            return KernelImage.fromPath(((KernelChoice.File) choice).vmlinuz(), Optional.empty());
        } catch (VmException.KernelNotFound e) {
            if (choice instanceof KernelChoice.File) {
                throw new HarnessException.BadInput(e.getMessage(), e);
            }
            throw new HarnessException.MissingPrerequisite(e.getMessage(), e);
        } catch (VmException e) {
            throw new HarnessException.MissingPrerequisite(e.getMessage(), e);
        }
    }
}
