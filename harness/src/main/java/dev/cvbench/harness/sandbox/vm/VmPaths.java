package dev.cvbench.harness.sandbox.vm;

import java.nio.file.Path;

/**
 * Where the vm sandbox keeps things, in one place (doctor and the cleaner look there too):
 * <pre>
 * STATE/vm/libvirt/...           the embedded libvirt driver's root (qemu.conf, pid files, QEMU logs)
 * STATE/vm/console/NAME.sock     serial console sockets
 * STATE/vm/leases/vm-NAME        VMs holding an address on the bridge
 * CACHE/kernels/linux-image-...  Debian kernels, unpacked with dpkg -x (KernelFetcher)
 * CACHE/images/...               the default guest image's rootfs (shared with containers)
 * CACHE/initramfs/...            that rootfs packed as initramfs, one per kernel (cached by content)
 * CACHE/bench/...                the busybox guest of {@code bench vm-libvirt} (rootfs and initramfs)
 * </pre>
 * The state directory must stay short: UNIX socket paths are limited to 107 bytes.
 */
public final class VmPaths {
    private VmPaths() {}

    public static Path state(Path stateRoot) {
        return stateRoot.resolve("vm");
    }

    public static Path kernels(Path cacheDir) {
        return cacheDir.resolve("kernels");
    }

    public static Path initramfs(Path cacheDir) {
        return cacheDir.resolve("initramfs");
    }

    /** The busybox rootfs and initramfs {@code cvbench bench vm-libvirt} boots. */
    public static Path bench(Path cacheDir) {
        return cacheDir.resolve("bench");
    }
}
