package dev.cvbench.container.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.sys.RecordingSyscalls;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlayRootfsTest {
    @TempDir
    Path tmp;

    @Test
    void mountsImageAsLowerWithUpperAndWorkInTheStateDir() throws Exception {
        RecordingSyscalls sys = new RecordingSyscalls();
        Path state = tmp.resolve("state");
        Path merged = new OverlayRootfs(sys).mount(Path.of("/images/busybox"), state);
        assertThat(merged).isEqualTo(state.resolve("rootfs")).isDirectory();
        assertThat(state.resolve("upper")).isDirectory();
        assertThat(sys.calls()).containsExactly("mount overlay " + merged + " overlay 0 lowerdir=/images/busybox,upperdir="
                + state.resolve("upper") + ",workdir=" + state.resolve("work"));
    }

    @Test
    void unmountIsLazyAndToleratesNotMounted() throws Exception {
        RecordingSyscalls sys = new RecordingSyscalls();
        Path state = tmp.resolve("s");
        new OverlayRootfs(sys).mount(Path.of("/img"), state);
        sys.fail("umount", 22);
        new OverlayRootfs(sys).unmount(state); // EINVAL: not mounted, fine
        new OverlayRootfs(sys).unmount(tmp.resolve("gone")); // no directory: no call
        assertThat(sys.calls()).last().isEqualTo("umount " + state.resolve("rootfs") + " 2");
    }

    @Test
    void otherUnmountErrorsSurface() throws Exception {
        RecordingSyscalls sys = new RecordingSyscalls();
        Path state = tmp.resolve("b");
        new OverlayRootfs(sys).mount(Path.of("/img"), state);
        sys.fail("umount", 16);
        assertThatThrownBy(() -> new OverlayRootfs(sys).unmount(state)).hasMessageContaining("errno 16");
    }
}
