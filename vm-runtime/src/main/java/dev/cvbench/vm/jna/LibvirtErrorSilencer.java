package dev.cvbench.vm.jna;

import com.sun.jna.Pointer;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces libvirt's default error function, which prints every error to stderr ("libvirt: QEMU Driver error :
 * Domain not found ..."), including errors cvbench expects and handles, such as looking up a domain that has just
 * gone. libvirt-java still turns each error into a {@code LibvirtException}; this only moves the text to the
 * debug log. JNA types appear here and nowhere else in cvbench's VM code.
 */
public final class LibvirtErrorSilencer {
    private static final Logger LOG = LoggerFactory.getLogger(LibvirtErrorSilencer.class);
    /** Held in a static field: JNA callbacks must stay reachable while native code may call them. */
    private static final Libvirt.VirErrorCallback TO_DEBUG_LOG = LibvirtErrorSilencer::log;
    private static boolean installed;

    private LibvirtErrorSilencer() {
    }

    /** Installs the callback once for the process. */
    public static synchronized void install() throws LibvirtException {
        if (!installed) {
            Connect.setErrorCallback(TO_DEBUG_LOG);
            installed = true;
        }
    }

    private static void log(Pointer userData, virError error) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("libvirt: {}", error == null ? "?" : error.message);
        }
    }
}
