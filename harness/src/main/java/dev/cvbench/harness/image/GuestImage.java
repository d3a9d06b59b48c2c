package dev.cvbench.harness.image;

import java.nio.file.Path;

/**
 * A built guest image in the cache: {@code <cache root>/<key>/rootfs} plus its {@code image.json}. Containers
 * use {@link #rootfs()} as the read-only lower directory of an overlay; the VM packer turns the same directory
 * into a cpio initramfs (it must keep file modes, symbolic links and the jars' modification times, which the
 * AppCDS archive checks). Nothing may write into the rootfs: it is shared by every instance.
 *
 * @param dir       the cache entry, {@code <cache root>/<key>}
 * @param manifest  what was built, with sizes and timings
 * @param cacheHit  true when no build step ran
 */
public record GuestImage(Path dir, ImageManifest manifest, boolean cacheHit) {
    public String key() {
        return manifest.key();
    }

    /** The root file system directory. */
    public Path rootfs() {
        return dir.resolve("rootfs");
    }

    /** The JRE's host path, {@code rootfs/opt/cvbench/jre}. */
    public Path jre() {
        return rootfs().resolve(AgentLayout.JRE.substring(1));
    }

    /** Where the agent is inside the image and how to start it. */
    public AgentLayout layout() {
        return AgentLayout.of(manifest.agentJars(), manifest.appCds());
    }
}
