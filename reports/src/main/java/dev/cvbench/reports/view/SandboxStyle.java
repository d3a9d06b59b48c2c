package dev.cvbench.reports.view;

import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/**
 * How a sandbox looks in every report: one fixed color per kind, so "vm" is the same orange in
 * every chart and table, and the emulation marker.
 *
 * <p>The palette is Okabe and Ito's, distinguishable with the common color-vision deficiencies; the
 * host, the baseline, gets the neutral gray.
 */
public enum SandboxStyle {
    HOST("host", new Color(0x5F, 0x6B, 0x7A)),
    CONTAINER("container", new Color(0x00, 0x72, 0xB2)),
    VM("vm", new Color(0xD5, 0x5E, 0x00)),
    RUNC("runc", new Color(0x00, 0x9E, 0x73)),
    CRUN("crun", new Color(0xCC, 0x79, 0xA7)),
    OTHER("", new Color(0x99, 0x99, 0x99));

    /** The short marker shown next to every number measured under emulation. */
    public static final String EMULATED_MARK = "emulated (TCG)";

    private final String kind;
    private final Color color;

    SandboxStyle(String kind, Color color) {
        this.kind = kind;
        this.color = color;
    }

    /** The style of a sandbox kind id ({@code "vm"}); {@link #OTHER} for kinds this build does not know. */
    public static SandboxStyle of(String kind) {
        String k = kind.toLowerCase(Locale.ROOT);
        for (SandboxStyle s : values()) {
            if (s != OTHER && s.kind.equals(k)) {
                return s;
            }
        }
        return OTHER;
    }

    public Color color() {
        return color;
    }

    /** The color as CSS ({@code #d55e00}). */
    public String cssColor() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", color.getRed(), color.getGreen(), color.getBlue());
    }

    /**
     * True when facts say the numbers come from an emulated CPU: {@code emulated=true}, or a libvirt
     * {@code domain_type=qemu} (TCG) rather than {@code kvm}.
     */
    public static boolean isEmulated(Map<String, String> facts) {
        return "true".equalsIgnoreCase(facts.getOrDefault("emulated", ""))
                || "qemu".equalsIgnoreCase(facts.getOrDefault("domain_type", ""));
    }
}
