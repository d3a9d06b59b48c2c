package dev.cvbench.vm.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a kernel module's {@code .modinfo} ELF section: NUL-separated {@code key=value} strings such as
 * {@code name=virtio_net}, {@code depends=virtio,virtio_ring,net_failover}. This is what {@code depmod}
 * reads to write modules.dep; a kernel unpacked with {@code dpkg -x} has no modules.dep (the package's
 * postinst runs depmod), so cvbench reads the dependencies itself.
 *
 * <p>ELF64 little-endian only (x86-64). Layout used: the ELF header gives the section header table offset
 * ({@code e_shoff}, byte 0x28), entry size ({@code e_shentsize}, 0x3A), count ({@code e_shnum}, 0x3C) and the
 * index of the section-name string table ({@code e_shstrndx}, 0x3E); each 64-byte section header gives its name
 * offset (0x00), file offset (0x18) and size (0x20).
 */
public final class ModInfo {
    private ModInfo() {
    }

    /** The module's dependencies (the {@code depends=} value, split on commas), empty if none. */
    public static List<String> depends(byte[] elf) {
        for (String entry : entries(elf)) {
            if (entry.startsWith("depends=")) {
                List<String> deps = new ArrayList<>();
                for (String d : entry.substring("depends=".length()).split(",")) {
                    if (!d.isBlank()) {
                        deps.add(d.trim().replace('-', '_'));
                    }
                }
                return deps;
            }
        }
        return List.of();
    }

    /** Every {@code key=value} string of the {@code .modinfo} section. */
    public static List<String> entries(byte[] elf) {
        return section(elf, ".modinfo").map(ModInfo::strings).orElse(List.of());
    }

    static Optional<byte[]> section(byte[] elf, String wanted) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            throw new IllegalArgumentException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1) {
            throw new IllegalArgumentException("not a 64-bit little-endian ELF file");
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        int shstrndx = Short.toUnsignedInt(b.getShort(0x3E));
        long namesOffset = b.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int hdr = (int) (shoff + (long) i * shentsize);
            int nameOff = b.getInt(hdr);
            String name = cString(elf, (int) (namesOffset + nameOff));
            if (name.equals(wanted)) {
                int off = (int) b.getLong(hdr + 0x18);
                int size = (int) b.getLong(hdr + 0x20);
                byte[] out = new byte[size];
                System.arraycopy(elf, off, out, 0, size);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    private static List<String> strings(byte[] data) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= data.length; i++) {
            if (i == data.length || data[i] == 0) {
                if (i > start) {
                    out.add(new String(data, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String cString(byte[] data, int off) {
        int end = off;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return new String(data, off, end - off, StandardCharsets.US_ASCII);
    }
}
