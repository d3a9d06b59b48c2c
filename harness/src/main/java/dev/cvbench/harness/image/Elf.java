package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Just enough ELF to tell a static executable from a dynamic one: a dynamically linked program has a
 * {@code PT_INTERP} program header naming its loader ({@code /lib64/ld-linux-x86-64.so.2}); a static one has
 * none. The Debian {@code busybox} package is dynamic and would not run in a rootfs without libc, while
 * {@code busybox-static} runs anywhere.
 */
final class Elf {
    private static final int PT_INTERP = 3;

    private Elf() {}

    /** Whether {@code file} is an ELF executable without a program interpreter. */
    static boolean isStatic(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer head = ByteBuffer.allocate(64);
            ch.read(head, 0);
            return isStatic(head.flip(), ch);
        }
    }

    private static boolean isStatic(ByteBuffer head, FileChannel ch) throws IOException {
        if (head.remaining() < 64 || head.get(0) != 0x7f || head.get(1) != 'E' || head.get(2) != 'L' || head.get(3) != 'F') {
            return false;
        }
        boolean is64 = head.get(4) == 2;
        head.order(head.get(5) == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long phoff = is64 ? head.getLong(32) : Integer.toUnsignedLong(head.getInt(28));
        int phentsize = Short.toUnsignedInt(head.getShort(is64 ? 54 : 42));
        int phnum = Short.toUnsignedInt(head.getShort(is64 ? 56 : 44));
        if (phnum == 0 || phentsize < 4) {
            return false;
        }
        ByteBuffer ph = ByteBuffer.allocate(phentsize * phnum).order(head.order());
        ch.read(ph, phoff);
        for (int i = 0; i < phnum; i++) {
            if (ph.getInt(i * phentsize) == PT_INTERP) {
                return false;
            }
        }
        return true;
    }
}
