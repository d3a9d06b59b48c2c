package dev.cvbench.vm.libvirt;

import org.libvirt.LibvirtException;

/** Small helpers around libvirt values: version numbers and error messages. */
public final class LibvirtInfo {
    private LibvirtInfo() {
    }

    /** libvirt encodes versions as {@code major * 1,000,000 + minor * 1,000 + release}: 9000000 is 9.0.0. */
    public static String version(long encoded) {
        return (encoded / 1_000_000) + "." + (encoded / 1_000 % 1_000) + "." + (encoded % 1_000);
    }

    /** The first line of libvirt's message, without the stack of causes libvirt-java appends. */
    public static String message(LibvirtException e) {
        String m = e.getError() != null && e.getError().getMessage() != null ? e.getError().getMessage()
                : String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).trim();
    }

    /** True when libvirt says the domain does not exist (any more). */
    public static boolean isNoDomain(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() != null
                && e.getError().getCode().name().equals("VIR_ERR_NO_DOMAIN");
    }
}
