package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Isolation properties of a default container, through the library API with real namespaces. */
class LibraryIsolationIT {
    @TempDir
    static Path tmp;
    static Path image;
    static ContainerRuntime runtime;

    @BeforeAll
    static void setUp() throws Exception {
        Busybox.assumeRootAndBusybox();
        image = Busybox.rootfs(tmp.resolve("image"));
        runtime = ContainerRuntime.at(tmp.resolve("root"));
    }

    /** Runs sh -c script in a fresh container and returns its stdout; asserts exit status 0. */
    static String sh(String id, ContainerSpec.Builder spec, String script) throws Exception {
        try (Container c = runtime.create(id, spec.args(java.util.List.of("/bin/sh", "-c", script)).build())) {
            c.start();
            String out = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(c.waitForExit(Duration.ofSeconds(20))).as("exit status of: " + script + "\n" + out).hasValue(0);
            return out;
        }
    }

    @Test
    void processIsPidOneAndHostProcessesAreInvisible() throws Exception {
        String out = sh("pid1", ContainerSpec.builder(image), "echo $$; ls /proc | grep -c '^[0-9]'");
        String[] lines = out.trim().split("\n");
        assertThat(lines[0]).isEqualTo("1");
        // the shell and ls (and grep): nothing from the host, which runs hundreds of processes
        assertThat(Integer.parseInt(lines[1])).isLessThanOrEqualTo(3);
    }

    @Test
    void hasItsOwnHostname() throws Exception {
        String out = sh("host1", ContainerSpec.builder(image).hostname("inside"), "hostname; cat /proc/sys/kernel/hostname");
        assertThat(out).isEqualTo("inside\ninside\n");
        assertThat(Files.readString(Path.of("/proc/sys/kernel/hostname")).trim()).isNotEqualTo("inside");
    }

    @Test
    void newNetworkNamespaceHasOnlyLoopback() throws Exception {
        String out = sh("net1", ContainerSpec.builder(image).network("none"), "ls /sys/class/net");
        assertThat(out.trim().split("\\s+")).containsExactly("lo");
    }

    @Test
    void maskedPathsAreMaskedAndReadonlyPathsReadonly() throws Exception {
        String out = sh("mask1", ContainerSpec.builder(image),
                "wc -c < /proc/timer_list; cat /proc/keys | wc -c; ls /sys/firmware | wc -l; echo 1 > /proc/sys/kernel/domainname 2>/dev/null && echo writable || echo ro");
        assertThat(out.trim().split("\n")).containsExactly("0", "0", "0", "ro");
        assertThat(Files.readString(Path.of("/proc/keys"))).as("the host sees the real file").isNotEmpty();
    }

    @Test
    void bindMountedVolumeIsSharedWithTheHost() throws Exception {
        Path vol = Files.createDirectories(tmp.resolve("vol"));
        Files.writeString(vol.resolve("in.txt"), "from host");
        String out = sh("vol1", ContainerSpec.builder(image).bind(vol, "/data", false),
                "cat /data/in.txt; echo from container > /data/out.txt");
        assertThat(out).isEqualTo("from host");
        assertThat(Files.readString(vol.resolve("out.txt"))).isEqualTo("from container\n");
    }

    @Test
    void readOnlyVolumeRefusesWrites() throws Exception {
        Path vol = Files.createDirectories(tmp.resolve("rovol"));
        String out = sh("rovol1", ContainerSpec.builder(image).bind(vol, "/conf", true),
                "touch /conf/x 2>/dev/null && echo writable || echo read-only");
        assertThat(out).isEqualTo("read-only\n");
        assertThat(vol.resolve("x")).doesNotExist();
    }

    @Test
    void hostNetworkModeSeesTheHostsInterfaces() throws Exception {
        String out = sh("hostnet1", ContainerSpec.builder(image).network("host"), "ls /sys/class/net");
        try (var host = Files.list(Path.of("/sys/class/net"))) {
            assertThat(out.trim().split("\\s+")).containsExactlyInAnyOrderElementsOf(
                    host.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void overlayKeepsTheImageUntouchedAndCleanupLeavesNothing() throws Exception {
        sh("ovl1", ContainerSpec.builder(image), "echo x > /bin/new-file; rm /bin/cat");
        assertThat(image.resolve("bin/new-file")).doesNotExist();
        assertThat(image.resolve("bin/cat")).exists();
        assertThat(runtime.root().resolve("ovl1")).doesNotExist();
        assertThat(Busybox.cgroupDir(runtime.root(), "memory", "ovl1")).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(tmp.toString() + "/root/ovl1");
    }

    @Test
    void commandNotFoundIsOneClearLine() throws IOException {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.create("nf1", ContainerSpec.of(image, "no-such-cmd")))
                .hasMessageContaining("exec_lookup").hasMessageContaining("'no-such-cmd' not found");
        assertThat(runtime.root().resolve("nf1")).doesNotExist();
    }
}
