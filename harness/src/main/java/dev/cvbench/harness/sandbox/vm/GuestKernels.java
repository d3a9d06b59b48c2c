package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.image.KernelFetcher;
import dev.cvbench.vm.image.KernelImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The guest kernels in the cache, for {@code doctor}, and fetching the default one, for {@code doctor --fix}. */
public final class GuestKernels {
    private GuestKernels() {}

    /**
     * The kernel versions {@link KernelFetcher} has unpacked under {@code kernelsDir}
     * ({@code linux-image-V/boot/vmlinuz-V}), sorted; empty when none (half-unpacked {@code .tmp} dirs don't count).
     */
    public static List<String> cached(Path kernelsDir) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(kernelsDir)) {
            return out;
        }
        try (Stream<Path> pkgs = Files.list(kernelsDir)) {
            for (Path pkg : pkgs.sorted().toList()) {
                String name = pkg.getFileName().toString();
                if (!name.startsWith("linux-image-") || name.contains(".tmp")) {
                    continue;
                }
                try (Stream<Path> boot = Files.list(pkg.resolve("boot"))) {
                    boot.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("vmlinuz-"))
                            .forEach(n -> out.add(n.substring("vmlinuz-".length())));
                } catch (IOException e) {
                    // not a kernel package: skip
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Fetches (if not cached) the default guest kernel, Debian's cloud kernel, into {@code <cacheDir>/kernels}.
     *
     * @throws HarnessException.MissingPrerequisite when apt cannot resolve or download it
     */
    public static KernelImage fetchDefault(Path cacheDir) throws HarnessException {
        try {
            return new KernelFetcher(VmPaths.kernels(cacheDir)).fetch(KernelFetcher.Flavor.CLOUD);
        } catch (VmException e) {
            throw new HarnessException.MissingPrerequisite(e.getMessage(), e);
        }
    }
}
