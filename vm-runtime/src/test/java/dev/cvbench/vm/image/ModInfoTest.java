package dev.cvbench.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModInfoTest {
    /**
     * A minimal ELF64 LE object with three sections: the null section, .modinfo (the given strings, NUL
     * separated) and .shstrtab. Enough for ModInfo, which reads only section headers.
     */
    static byte[] elfWithModinfo(String... entries) {
        ByteArrayOutputStream modinfo = new ByteArrayOutputStream();
        for (String e : entries) {
            modinfo.writeBytes(e.getBytes(StandardCharsets.US_ASCII));
            modinfo.write(0);
        }
        byte[] shstr = "\0.modinfo\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
        int modOff = 64;
        int strOff = modOff + modinfo.size();
        int shOff = strOff + shstr.length;
        ByteBuffer b = ByteBuffer.allocate(shOff + 3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x28, shOff).putShort(0x3A, (short) 64).putShort(0x3C, (short) 3).putShort(0x3E, (short) 2);
        b.put(modOff, modinfo.toByteArray());
        b.put(strOff, shstr);
        section(b, shOff + 64, 1, modOff, modinfo.size());
        section(b, shOff + 128, 10, strOff, shstr.length);
        return b.array();
    }

    private static void section(ByteBuffer b, int at, int name, long off, long size) {
        b.putInt(at, name).putLong(at + 0x18, off).putLong(at + 0x20, size);
    }

    @Test
    void readsDependsFromTheModinfoSection() {
        byte[] elf = elfWithModinfo("license=GPL", "depends=net_failover,virtio_ring,virtio", "name=virtio_net");
        assertThat(ModInfo.depends(elf)).containsExactly("net_failover", "virtio_ring", "virtio");
        assertThat(ModInfo.entries(elf)).contains("name=virtio_net");
    }

    @Test
    void emptyDependsMeansNone() {
        assertThat(ModInfo.depends(elfWithModinfo("depends=", "name=virtio"))).isEmpty();
    }

    @Test
    void rejectsNonElf() {
        assertThatThrownBy(() -> ModInfo.depends(new byte[100])).isInstanceOf(IllegalArgumentException.class);
    }
}
