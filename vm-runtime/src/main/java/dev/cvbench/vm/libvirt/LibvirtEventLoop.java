package dev.cvbench.vm.libvirt;

import dev.cvbench.vm.jna.LibvirtErrorSilencer;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop, run on one daemon thread for the whole JVM.
 *
 * <p>The embedded QEMU driver ({@code qemu:///embed}) has no libvirtd to watch QEMU's monitor socket, notice
 * a guest power-off or reap the process: all of that happens in the application's event loop, so it must be
 * registered ({@code virEventRegisterDefaultImpl}, {@link Library#initEventLoop()}) <em>before</em> the first
 * connection is opened, and iterated ({@code virEventRunDefaultImpl}, {@link Library#runEventLoop()}) for as
 * long as any connection is in use. Without it, a VM that powers off stays "running" forever. Remote URIs
 * need it too for keep-alives and domain events, so it is started for every connection.
 */
public final class LibvirtEventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
    private static Thread thread;

    private LibvirtEventLoop() {
    }

    /**
     * Registers and starts the loop once; later calls return at once.
     *
     * @throws LibvirtException if libvirt refuses to register its default implementation
     * @throws UnsatisfiedLinkError if libvirt.so.0 cannot be loaded (package libvirt0 missing)
     */
    public static synchronized void ensureRunning() throws LibvirtException {
        if (thread != null) {
            return;
        }
        LibvirtErrorSilencer.install();
        Library.initEventLoop();
        Thread t = new Thread(LibvirtEventLoop::run, "cvbench-libvirt-events");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    private static void run() {
        try {
            Library.runEventLoop();
        } catch (LibvirtException e) {
            LOG.error("libvirt event loop stopped: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
