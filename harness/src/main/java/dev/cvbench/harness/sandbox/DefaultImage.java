package dev.cvbench.harness.sandbox;

import dev.cvbench.harness.image.BuildListener;
import dev.cvbench.harness.image.GuestImage;
import dev.cvbench.harness.image.ImageBuilder;
import dev.cvbench.harness.image.ImageException;
import dev.cvbench.harness.image.ImageInputs;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The default guest image ({@code cvbench-default}: busybox, the jlinked JRE, the agent jars), built once per
 * cache directory and JVM and shared by the container and vm sandboxes: containers use its rootfs as the
 * read-only lower directory, VMs pack it into an initramfs.
 */
public final class DefaultImage {
    /** Images kept in the cache after a new build: the new one and a few older (other checkouts may use them). */
    static final int KEEP = 3;

    private static final Map<Path, GuestImage> BUILT = new HashMap<>();

    private DefaultImage() {}

    /** Builds (or finds in the cache) the image under {@code <cacheDir>/images}, reporting steps to {@code progress}. */
    public static synchronized GuestImage get(Path cacheDir, Consumer<String> progress) throws ImageException, InterruptedException {
        Path root = cacheDir.resolve("images");
        GuestImage image = BUILT.get(root);
        if (image == null) {
            ImageBuilder builder = new ImageBuilder(ImageInputs.builder().cacheRoot(root).build());
            image = builder.build(BuildListener.lines(progress));
            if (!image.cacheHit()) {
                for (String pruned : builder.cache().prune(KEEP)) {
                    progress.accept("removed old guest image " + pruned);
                }
            }
            BUILT.put(root, image);
        }
        return image;
    }
}
