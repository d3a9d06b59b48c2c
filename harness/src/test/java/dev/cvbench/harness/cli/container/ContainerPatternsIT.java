package dev.cvbench.harness.cli.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The talk's operations patterns, each as a user types them (docs/containers.md shows the same commands):
 * logs through {@code --volumes-from}, a network-debug container in the app's network namespace, a backup
 * container, configuration from a host directory; plus bridge reachability, shared IPC and {@code --rm}.
 */
class ContainerPatternsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static ContainerCliFixture cli;

    @TempDir
    Path host;

    @BeforeAll
    static void setUp() throws Exception {
        cli = ContainerCliFixture.create();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (cli != null) {
            cli.close();
        }
    }

    @Test
    void logsContainerReadsTheAppsLogVolumeThroughVolumesFrom() throws Exception {
        cli.ok("run", "-d", "--name", "app1", "--net", "none", "-v", "applogs:/var/log/app", "sh", "-c",
                "for i in 1 2 3; do echo request $i >> /var/log/app/access.log; done; echo ready; exec sleep 60");
        cli.awaitLogs("app1", s -> s.contains("ready"), WAIT);
        String out = cli.ok("run", "--rm", "--net", "none", "--volumes-from", "app1", "cat", "/var/log/app/access.log");
        assertThat(out).contains("request 1", "request 2", "request 3");
        cli.ok("rm", "-f", "app1");
    }

    @Test
    void networkDebugContainerSeesTheAppsInterfacesAndListener() throws Exception {
        cli.ok("run", "-d", "--name", "web", "--net", "bridge", "nc", "-l", "-p", "8080");
        String ip = cli.address("web");
        assertThat(ip).startsWith(cli.subnetPrefix + ".");
        String out = cli.ok("run", "--rm", "--net", "container:web", "sh", "-c", "netstat -tln; ip -4 addr show eth0");
        assertThat(out).contains(":8080").contains("inet " + ip + "/24");
        cli.ok("rm", "-f", "web");
    }

    @Test
    void sharedNetworkNamespaceIsOneLocalhost() throws Exception {
        cli.ok("run", "-d", "--name", "lh", "--net", "none", "nc", "-l", "-p", "7000");
        cli.ok("run", "--rm", "--net", "container:lh", "sh", "-c", "echo over-localhost | nc 127.0.0.1 7000");
        cli.awaitLogs("lh", s -> s.contains("over-localhost"), WAIT);
        cli.ok("rm", "-f", "lh");
    }

    @Test
    void backupContainerWritesATarballOfTheDataVolumeToTheHost() throws Exception {
        cli.ok("run", "--rm", "--net", "none", "-v", "dbdata:/data", "sh", "-c", "echo important > /data/db.txt");
        cli.ok("run", "--rm", "--net", "none", "-v", "dbdata:/data:ro", "-v", host + ":/backup", "tar", "czf",
                "/backup/data.tgz", "-C", "/data", ".");
        Path tgz = host.resolve("data.tgz");
        assertThat(tgz).exists();
        Process p = new ProcessBuilder("tar", "xzOf", tgz.toString(), "./db.txt").start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("important\n");
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void configurationFromAHostDirectoryIsPickedUpOnSignalAndRestart() throws Exception {
        Path conf = Files.createDirectories(host.resolve("conf"));
        Files.writeString(conf.resolve("app.conf"), "color=red\n");
        cli.ok("run", "-d", "--name", "cfg", "--net", "none", "-v", conf + ":/etc/app:ro", "sh", "-c",
                "trap 'cat /etc/app/app.conf' HUP; cat /etc/app/app.conf; while true; do sleep 0.1; done");
        cli.awaitLogs("cfg", s -> s.contains("color=red"), WAIT);
        Files.writeString(conf.resolve("app.conf"), "color=green\n");
        cli.ok("kill", "-s", "HUP", "cfg");
        cli.awaitLogs("cfg", s -> s.contains("color=green"), WAIT);
        Files.writeString(conf.resolve("app.conf"), "color=blue\n");
        cli.ok("stop", "-t", "1", "cfg");
        cli.ok("start", "cfg");
        String logs = cli.awaitLogs("cfg", s -> s.contains("color=blue"), WAIT);
        assertThat(logs.indexOf("color=red")).isLessThan(logs.indexOf("color=blue"));
        cli.ok("rm", "-f", "cfg");
    }

    @Test
    void bridgeContainersReachEachOtherAndTheHost() throws Exception {
        cli.ok("run", "-d", "--name", "srv", "nc", "-l", "-p", "9000");
        String ip = cli.address("srv");
        String out = cli.ok("run", "--rm", "sh", "-c", "echo hello-bridge | nc " + ip + " 9000 && ping -c 1 -W 2 " + cli.gateway());
        assertThat(out).contains("1 packets received");
        cli.awaitLogs("srv", s -> s.contains("hello-bridge"), WAIT);
        cli.ok("rm", "-f", "srv");
    }

    @Test
    void containersSharingIpcSeeTheSameSharedMemory() throws Exception {
        cli.ok("run", "-d", "--name", "shm1", "--net", "none", "--ipc", "shareable", "sh", "-c",
                "echo in-shm > /dev/shm/segment; exec sleep 60");
        cli.awaitLogs("shm1", s -> true, WAIT);
        String out = "";
        for (int i = 0; i < 50 && !out.contains("in-shm"); i++) {
            out = cli.ok("run", "--rm", "--net", "none", "--ipc", "container:shm1", "sh", "-c", "cat /dev/shm/segment 2>/dev/null; true");
        }
        assertThat(out).contains("in-shm");
        assertThat(cli.run("run", "--rm", "--net", "none", "cat", "/dev/shm/segment").exit()).as("a private container").isNotZero();
        cli.ok("rm", "-f", "shm1");
    }

    @Test
    void rmLeavesNothingBehind() throws Exception {
        String out = cli.ok("run", "--rm", "--name", "gone", "sh", "-c", "echo bye");
        assertThat(out).contains("bye");
        assertThat(cli.root.resolve("gone")).doesNotExist();
        assertThat(cli.root.resolve(".shm/gone")).doesNotExist();
        try (var s = Files.list(cli.root.resolve("cni/attachments"))) {
            assertThat(s).isEmpty();
        }
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(cli.root.resolve("gone").toString());
        assertThat(cli.ok("ps", "-a")).doesNotContain("gone");
    }

    @Test
    void badInputIsOneLineAndCreatesNothing() throws Exception {
        for (String[] args : new String[][] {{"run", "--net", "bogus", "true"}, {"run", "--memory", "lots", "true"},
                {"run", "./no-such-rootfs/", "true"}, {"rm", "no-such-id"}, {"logs", "no-such-id"}}) {
            ContainerCliFixture.Result r = cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out().strip().lines().filter(l -> l.startsWith("cvbench:") && !l.contains("guest image")))
                    .as(r.out()).hasSize(1);
        }
        cli.ok("run", "-d", "--name", "dup", "--net", "none", "sleep", "30");
        assertThat(cli.run("run", "--name", "dup", "--net", "none", "true").exit()).isEqualTo(2);
        cli.ok("rm", "-f", "dup");
    }
}
