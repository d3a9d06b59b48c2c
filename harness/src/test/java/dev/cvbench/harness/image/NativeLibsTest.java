package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class NativeLibsTest {
    @Test
    void parsesLddOutput() {
        String ldd = """
                \tlinux-vdso.so.1 (0x00007ffd2b5f6000)
                \tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f3b53a00000)
                \tlibjli.so => /tmp/x/jre/bin/../lib/libjli.so (0x00007f3b539f0000)
                \tlibjvm.so => not found
                \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3b53800000)
                \t/lib64/ld-linux-x86-64.so.2 (0x00007f3b53a41000)
                """;
        Set<String> missing = new TreeSet<>();
        Set<Path> libs = NativeLibs.parseLdd(ldd, missing);
        assertThat(libs).containsExactlyInAnyOrder(Path.of("/lib/x86_64-linux-gnu/libz.so.1"), Path.of("/tmp/x/jre/bin/../lib/libjli.so"),
                Path.of("/lib/x86_64-linux-gnu/libc.so.6"), Path.of("/lib64/ld-linux-x86-64.so.2"));
        assertThat(missing).containsExactly("libjvm.so");
    }

    @Test
    void staticBinaryHasNoLibraries() {
        Set<String> missing = new TreeSet<>();
        assertThat(NativeLibs.parseLdd("\tnot a dynamic executable\n", missing)).isEmpty();
        assertThat(missing).isEmpty();
    }
}
