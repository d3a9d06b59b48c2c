package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusyboxTest {
    @TempDir
    Path tmp;

    @Test
    void parsesListFullIntoSafeUniqueRelativePaths() {
        String out = "bin/sh\n usr/bin/awk \n\nsbin/ip\nbin/sh\n/bin/ls\nbin/busybox\n../../etc/evil\nusr/bin/../../../x\n";
        assertThat(Busybox.parseAppletList(out)).containsExactly("bin/sh", "usr/bin/awk", "sbin/ip", "bin/ls");
    }

    @Test
    void installsBinaryAndLinksOnlyWantedApplets() throws IOException {
        Path bin = Files.write(tmp.resolve("busybox-src"), elf(false));
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        int made = Busybox.install(bin, rootfs, List.of("bin/sh", "usr/bin/awk", "sbin/ip"), Set.of("sh", "ip")::contains);
        assertThat(made).isEqualTo(2);
        assertThat(rootfs.resolve("bin/busybox")).isRegularFile().isExecutable();
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.readSymbolicLink(rootfs.resolve("sbin/ip"))).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.exists(rootfs.resolve("usr/bin/awk"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void tellsStaticFromDynamicElf() throws IOException {
        assertThat(Elf.isStatic(Files.write(tmp.resolve("static"), elf(false)))).isTrue();
        assertThat(Elf.isStatic(Files.write(tmp.resolve("dynamic"), elf(true)))).isFalse();
        assertThat(Elf.isStatic(Files.writeString(tmp.resolve("script"), "#!/bin/sh\necho hi\n" + "x".repeat(80)))).isFalse();
    }

    @Test
    void missingOrDynamicBusyboxNamesTheFix() throws IOException {
        assertThatThrownBy(() -> Busybox.locate(Optional.of(tmp.resolve("nope"))))
                .isInstanceOf(ImageException.MissingTool.class)
                .hasMessageContaining("apt-get install busybox-static");
        Path dynamic = Files.write(tmp.resolve("busybox"), elf(true));
        dynamic.toFile().setExecutable(true);
        assertThatThrownBy(() -> Busybox.locate(Optional.of(dynamic)))
                .isInstanceOf(ImageException.MissingTool.class)
                .hasMessageContaining("dynamically linked")
                .hasMessageContaining("apt-get install busybox-static")
                .satisfies(e -> assertThat(((ImageException.MissingTool) e).tool()).isEqualTo("busybox"));
    }

    /** A minimal little-endian ELF64 header with two program headers: PT_LOAD, and PT_INTERP or PT_NOTE. */
    static byte[] elf(boolean dynamic) {
        ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2); // ET_EXEC
        b.putShort(18, (short) 62); // x86-64
        b.putLong(32, 64); // e_phoff
        b.putShort(54, (short) 56); // e_phentsize
        b.putShort(56, (short) 2); // e_phnum
        b.putInt(64, 1); // PT_LOAD
        b.putInt(64 + 56, dynamic ? 3 : 4); // PT_INTERP or PT_NOTE
        return b.array();
    }
}
