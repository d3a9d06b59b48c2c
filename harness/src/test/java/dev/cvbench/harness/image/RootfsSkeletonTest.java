package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootfsSkeletonTest {
    @TempDir
    Path tmp;

    @Test
    void createsMountPointsStickyTmpAndUsers() throws Exception {
        RootfsSkeleton.create(tmp, "box");
        for (String d : new String[] {"proc", "sys", "dev", "run", "opt/cvbench/lib", "root"}) {
            assertThat(tmp.resolve(d)).isDirectory();
        }
        assertThat(mode(tmp.resolve("tmp"))).isEqualTo(01777);
        assertThat(mode(tmp.resolve("root"))).isEqualTo(0700);
        assertThat(mode(tmp.resolve("etc/passwd"))).isEqualTo(0644);
        assertThat(Files.readAllLines(tmp.resolve("etc/passwd"))).hasSize(2).anyMatch(l -> l.startsWith("nobody:x:65534:65534:"));
        assertThat(Files.readAllLines(tmp.resolve("etc/group"))).containsExactly("root:x:0:", "nobody:x:65534:");
        assertThat(Files.readString(tmp.resolve("etc/hostname"))).isEqualTo("box\n");
        assertThat(Files.readString(tmp.resolve("etc/hosts"))).contains("127.0.0.1\tlocalhost").contains("127.0.1.1\tbox");
    }

    private static int mode(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:mode") & 07777;
    }
}
