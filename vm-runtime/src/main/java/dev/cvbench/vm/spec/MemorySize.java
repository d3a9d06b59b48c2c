package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of guest memory, parsed from the sizes people type: {@code 512M}, {@code 2G}, {@code 1.5G},
 * {@code 262144K}, {@code 512MiB}. Units are binary (K = 1024 bytes); a bare number means MiB, the unit
 * libvirt and QEMU use by default. Held in KiB, the unit of libvirt's {@code <memory unit='KiB'>}.
 *
 * @param kib size in KiB, at least 1
 */
public record MemorySize(long kib) {
    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    public MemorySize {
        if (kib < 1) {
            throw new IllegalArgumentException("memory size must be positive, got " + kib + " KiB");
        }
    }

    public static MemorySize ofMiB(long mib) {
        return new MemorySize(Math.multiplyExact(mib, 1024L));
    }

    /**
     * Parses a size such as {@code 512M} or {@code 2G}.
     *
     * @throws VmException.InvalidSpec with the offending text and an example when it is not a size
     */
    public static MemorySize parse(String text) throws VmException.InvalidSpec {
        String trimmed = text == null ? "" : text.trim();
        Matcher m = SIZE.matcher(trimmed);
        if (!m.matches()) {
            throw new VmException.InvalidSpec("memory",
                    "'" + trimmed + "' is not a size; use a number with K, M or G, e.g. 512M or 2G");
        }
        double number = Double.parseDouble(m.group(1));
        long factorKib = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1L;
            case "", "m" -> 1024L;
            case "g" -> 1024L * 1024;
            case "t" -> 1024L * 1024 * 1024;
            default -> throw new IllegalStateException("unreachable: " + m.group(2));
        };
        double kib = number * factorKib;
        if (kib < 1 || kib > Long.MAX_VALUE / 2) {
            throw new VmException.InvalidSpec("memory", "'" + trimmed + "' is out of range; use e.g. 512M or 2G");
        }
        return new MemorySize(Math.round(kib));
    }

    public long mib() {
        return kib / 1024;
    }

    public long bytes() {
        return kib * 1024;
    }

    @Override
    public String toString() {
        return kib % (1024 * 1024) == 0 ? kib / (1024 * 1024) + "G"
                : kib % 1024 == 0 ? kib / 1024 + "M" : kib + "K";
    }
}
