package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.network.CniNetworkAttacher;
import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.container.volume.VolumeStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's network modes and volumes on real namespaces: lo up with none, the CNI bridge, named volumes, volumes-from. */
class VolumesAndNetworkIT {
    @TempDir
    static Path tmp;
    static Path image;
    static Path root;
    static String bridge;
    static ContainerRuntime runtime;

    @BeforeAll
    static void setUp() throws Exception {
        Busybox.assumeRootAndBusybox();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/cni/bridge")), "skipped: apt-get install containernetworking-plugins");
        image = Busybox.rootfs(tmp.resolve("image"));
        root = tmp.resolve("root");
        int n = ThreadLocalRandom.current().nextInt(0x1000, 0xffff);
        bridge = "cvbv" + Integer.toHexString(n);
        NetworkConfig net = NetworkConfig.builder(root).bridgeName(bridge).subnet("10.216." + (n % 250 + 1) + ".0/24").build();
        runtime = ContainerRuntime.at(root).withNetwork(CniNetworkAttacher.of(net));
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (bridge != null) {
            new ProcessBuilder("ip", "link", "del", bridge).start().waitFor();
        }
    }

    static String run(String id, ContainerSpec.Builder b, String script) throws Exception {
        try (Container c = runtime.run(id, b.args(List.of("/bin/sh", "-c", script)).build())) {
            String out = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(c.waitForExit(Duration.ofSeconds(20))).as(out).hasValue(0);
            return out;
        }
    }

    @Test
    void noneModeHasOnlyLoopbackAndItIsUp() throws Exception {
        String out = run("lo1", ContainerSpec.builder(image).network("none"), "ip -o link; ping -c 1 -W 1 127.0.0.1 >/dev/null && echo ping-ok");
        assertThat(out.lines().filter(l -> l.matches("\\d+: .*"))).singleElement().satisfies(l -> assertThat(l).contains("lo:").contains("UP"));
        assertThat(out).contains("ping-ok");
    }

    @Test
    void bridgeContainerHasAnAddressOnTheBridgeAndReleasesItOnDelete() throws Exception {
        try (Container c = runtime.run("br1", ContainerSpec.builder(image).network("bridge").args(List.of("sleep", "30")).build())) {
            String ip = c.address().orElseThrow();
            assertThat(runtime.info("br1").address()).contains(ip);
            Process ping = new ProcessBuilder("busybox", "ping", "-c", "1", "-W", "2", ip).start();
            assertThat(ping.waitFor()).as("the host reaches the container at " + ip).isZero();
        }
        try (var s = Files.list(root.resolve("cni/attachments"))) {
            assertThat(s).isEmpty();
        }
        try (var s = Files.list(root.resolve("cni/networks/cvbench"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(f -> f.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        }
    }

    @Test
    void namedVolumesOutliveContainersAndVolumesFromGivesTheSameMounts() throws Exception {
        Path host = Files.createDirectories(tmp.resolve("hostdir"));
        Files.writeString(host.resolve("conf"), "from-host\n");
        try (Container app = runtime.run("vapp", ContainerSpec.builder(image).volume("vdata", "/data", false).bind(host, "/etc/app", true)
                .args(List.of("/bin/sh", "-c", "echo written > /data/f; sleep 30")).build())) {
            assertThat(new VolumeStore(root).users("vdata")).containsExactly("vapp");
            String out = "";
            for (int i = 0; i < 100 && !out.contains("written"); i++) {
                Thread.sleep(20);
                out = run("vlog" + i, ContainerSpec.builder(image).volumesFrom("vapp"), "cat /data/f /etc/app/conf 2>/dev/null; true");
            }
            assertThat(out).contains("written").contains("from-host");
            assertThat(run("vro", ContainerSpec.builder(image).volumesFrom("vapp"), "touch /etc/app/x 2>&1 || echo read-only")).contains("read-only");
        }
        assertThat(new VolumeStore(root).users("vdata")).isEmpty();
        assertThat(run("vlater", ContainerSpec.builder(image).volume("vdata", "/d", true), "cat /d/f")).isEqualTo("written\n");
    }
}
