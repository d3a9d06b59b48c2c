package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.InvalidConfigException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What containers can share and VMs cannot: an IPC namespace (+ /dev/shm) and a network namespace. */
class SharingIT {
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

    static String run(String id, ContainerSpec.Builder b, String script) throws Exception {
        try (Container c = runtime.run(id, b.args(List.of("/bin/sh", "-c", script)).build())) {
            String out = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(c.waitForExit(Duration.ofSeconds(20))).hasValue(0);
            return out;
        }
    }

    @Test
    void twoContainersShareIpcNamespaceAndPosixShm() throws Exception {
        ContainerSpec owner = ContainerSpec.builder(image).ipc("shareable")
                .args(List.of("/bin/sh", "-c", "echo shared > /dev/shm/seg; touch /dev/mqueue/q1; sleep 30")).build();
        try (Container a = runtime.run("ipc-a", owner)) {
            assertThat(a.pid()).isPositive();
            String out = "";
            for (int i = 0; i < 100 && !out.contains("q1"); i++) {
                Thread.sleep(20);
                out = run("ipc-b" + i, ContainerSpec.builder(image).ipc("container:ipc-a"), "cat /dev/shm/seg 2>/dev/null; ls /dev/mqueue");
            }
            assertThat(out).contains("shared").contains("q1");
            String isolated = run("ipc-c", ContainerSpec.builder(image), "ls /dev/mqueue /dev/shm");
            assertThat(isolated).doesNotContain("q1").doesNotContain("seg");
        }
    }

    @Test
    void containerJoinsAnotherNetworkNamespace() throws Exception {
        ContainerSpec app = ContainerSpec.builder(image).args(List.of("/bin/sh", "-c", "ip link add dummy7 type dummy 2>/dev/null; sleep 30")).build();
        try (Container a = runtime.run("net-a", app)) {
            String inode = run("net-b", ContainerSpec.builder(image).network("container:net-a"), "ls -l /proc/self/ns/net");
            String own = run("net-c", ContainerSpec.builder(image), "ls -l /proc/self/ns/net");
            String appNs = java.nio.file.Files.readSymbolicLink(Path.of("/proc", Long.toString(a.pid()), "ns", "net")).toString();
            assertThat(inode).contains(appNs);
            assertThat(own).doesNotContain(appNs);
            Process debug = a.exec(List.of("/bin/sh", "-c", "ls -l /proc/self/ns/net; echo $$"));
            String execOut = new String(debug.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(debug.waitFor()).isZero();
            assertThat(execOut).contains(appNs);
            assertThat(Integer.parseInt(execOut.trim().split("\n")[1])).as("pid inside the container's namespace").isLessThan(10);
        }
    }

    @Test
    void unknownNetworkModeIsRefusedByField() {
        Assertions.assertThatThrownBy(() -> runtime.create("badnet", ContainerSpec.builder(image).network("overlay").build()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("network: unknown network mode 'overlay'");
    }
}
