package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Builds the default guest image once per set of inputs and serves it from the cache afterwards.
 * <pre>
 * ImageBuilder builder = new ImageBuilder(ImageInputs.builder().cacheRoot(dir).build());
 * GuestImage image = builder.build(listener);       // ~20 s the first time, milliseconds after
 * List&lt;String&gt; argv = image.layout().argv("stream", List.of("--size", "64m"));
 * </pre>
 * A build resolves the inputs into a {@link CacheKey}; if {@code <cache root>/<key>} exists it is returned
 * untouched. Otherwise, holding the cache lock (a second builder, in this or another process, waits and then
 * finds the image built), it assembles the image in {@code .tmp-<key>-<n>} and renames that directory to
 * {@code <key>} in one step. A build that fails or is interrupted deletes its temporary directory; one killed
 * outright leaves it for the next build or {@link ImageCache#prune} to delete.
 */
public final class ImageBuilder {
    private final ImageInputs inputs;
    private final ImageCache cache;

    public ImageBuilder(ImageInputs inputs) {
        this.inputs = inputs;
        this.cache = new ImageCache(inputs.cacheRoot());
    }

    public ImageCache cache() {
        return cache;
    }

    /** The inputs resolved to files, and the key they make. */
    record Resolved(Path busybox, List<Path> agentSources, boolean appCds, CacheKey key) {}

    /** Finds busybox and the agent jars and computes the cache key, without building anything. */
    public CacheKey key() throws ImageException, InterruptedException {
        return resolve().key();
    }

    Resolved resolve() throws ImageException, InterruptedException {
        Path busybox = Busybox.locate(inputs.busybox());
        List<Path> sources = inputs.agentSources().isPresent() ? inputs.agentSources().get() : AgentJars.sourcesOf(inputs.agentClasses());
        if (sources.isEmpty()) {
            throw new ImageException("no agent jar sources given; pass at least one jar or class directory");
        }
        for (Path s : sources) {
            if (!Files.exists(s)) {
                throw new ImageException("agent jar source " + s + " does not exist; build it first (mvn install)");
            }
        }
        boolean appCds = inputs.trainingMain().isPresent() && Chroot.isRoot();
        try {
            return new Resolved(busybox, sources, appCds, CacheKey.compute(inputs, busybox, sources, appCds));
        } catch (IOException e) {
            throw new ImageException("cannot read an image input: " + ImageException.describe(e), e);
        }
    }

    /** The image for the current inputs, built now if the cache does not have it. */
    public GuestImage build(BuildListener listener) throws ImageException, InterruptedException {
        listener.stepStarted(BuildStep.INPUTS);
        long t0 = System.nanoTime();
        Resolved r = resolve();
        listener.stepFinished(BuildStep.INPUTS, java.time.Duration.ofNanos(System.nanoTime() - t0));
        String key = r.key().hash();
        Optional<GuestImage> hit = cache.lookup(key);
        if (hit.isPresent()) {
            listener.cacheHit(key);
            return hit.get();
        }
        return cache.withLock(() -> {
            Optional<GuestImage> built = cache.lookup(key); // another builder may have finished while we waited
            if (built.isPresent()) {
                listener.cacheHit(key);
                return built.get();
            }
            cache.removeTemporaries();
            Path tmp = cache.root().resolve(ImageCache.TMP_PREFIX + key + "-" + ProcessHandle.current().pid());
            try {
                Files.createDirectory(tmp);
                ImageManifest manifest = new RootfsAssembly(inputs, r, tmp, listener).assemble();
                Path dir = cache.root().resolve(key);
                publish(tmp, dir);
                return new GuestImage(dir, manifest, false);
            } catch (Throwable t) {
                try {
                    ImageCache.deleteTree(tmp); // nothing half-built stays behind
                } catch (IOException e) {
                    t.addSuppressed(e);
                }
                throw t;
            }
        });
    }

    private static void publish(Path tmp, Path dir) throws IOException {
        ImageCache.deleteTree(dir); // a directory without a manifest (we hold the lock): debris, not an image
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + tmp + " to " + dir + " atomically", e);
        }
    }
}
