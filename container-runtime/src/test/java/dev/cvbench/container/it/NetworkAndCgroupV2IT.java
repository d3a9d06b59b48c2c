package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.NetworkAttacher;
import dev.cvbench.container.cgroups.CgroupManager;
import dev.cvbench.container.cgroups.CgroupV2Manager;
import dev.cvbench.container.config.ContainerConfig.ResourceLimits;
import dev.cvbench.container.sys.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NetworkAttacher seam (called with the real netns, rolled back on failure) and cgroup v2 on a real cgroup2 mount. */
class NetworkAndCgroupV2IT {
    @TempDir
    static Path tmp;
    static Path image;

    @BeforeAll
    static void setUp() throws Exception {
        Busybox.assumeRootAndBusybox();
        image = Busybox.rootfs(tmp.resolve("image"));
    }

    /** Records calls and checks the namespace really is the container's (different from ours). */
    static final class RecordingAttacher implements NetworkAttacher {
        final List<String> calls = new ArrayList<>();
        boolean fail;

        @Override
        public void attach(String id, Path netns) throws ContainerException {
            try {
                String ns = Files.readSymbolicLink(netns).toString();
                calls.add("attach " + id + " " + (ns.equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString()) ? "host" : "own"));
            } catch (java.io.IOException e) {
                throw new ContainerException("cannot read " + netns, e);
            }
            if (fail) {
                throw new ContainerException("bridge cvbench0 is down");
            }
        }

        @Override
        public void detach(String id, Path netns) {
            calls.add("detach " + id);
        }
    }

    @Test
    void bridgeModeCallsTheAttacherWithTheContainersOwnNetnsAndDetachesOnDelete() throws Exception {
        RecordingAttacher net = new RecordingAttacher();
        ContainerRuntime rt = ContainerRuntime.at(tmp.resolve("root1")).withNetwork(net);
        try (Container c = rt.run("br1", ContainerSpec.builder(image).network("bridge").args(List.of("/bin/sleep", "10")).build())) {
            assertThat(net.calls).containsExactly("attach br1 own");
            assertThat(c.pid()).isPositive();
        }
        assertThat(net.calls).containsExactly("attach br1 own", "detach br1");
        try (Container c = rt.run("none1", ContainerSpec.of(image, "/bin/true"))) {
            c.waitForExit(java.time.Duration.ofSeconds(5));
        }
        assertThat(net.calls).hasSize(2);
    }

    @Test
    void failedAttachRollsEverythingBack() throws Exception {
        RecordingAttacher net = new RecordingAttacher();
        net.fail = true;
        ContainerRuntime rt = ContainerRuntime.at(tmp.resolve("root2")).withNetwork(net);
        assertThatThrownBy(() -> rt.create("br2", ContainerSpec.builder(image).network("bridge").args(List.of("/bin/true")).build()))
                .hasMessage("bridge cvbench0 is down");
        assertThat(net.calls).containsExactly("attach br2 own", "detach br2");
        assertThat(tmp.resolve("root2/br2")).doesNotExist();
        assertThat(Busybox.cgroupDir(tmp.resolve("root2"), "memory", "br2")).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain("root2/br2");
    }

    @Test
    void cgroupV2ManagerOnARealCgroup2Mount() throws Exception {
        Path unified = Path.of("/sys/fs/cgroup/unified");
        Assumptions.assumeTrue(Files.exists(unified.resolve("cgroup.procs")),
                "no cgroup2 mount at /sys/fs/cgroup/unified (pure v2 hosts run every other IT on v2 instead)");
        CgroupManager m = new CgroupV2Manager(unified, "/cvbench-it/v2", Syscalls.linux());
        m.create(ResourceLimits.NONE); // on this hybrid host the v2 tree has no controllers: limits live in v1
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            m.addProcess(sleeper.pid());
            assertThat(m.pids()).containsExactly(sleeper.pid());
            assertThat(Files.readString(Path.of("/proc", Long.toString(sleeper.pid()), "cgroup"))).contains("0::/cvbench-it/v2");
            m.destroy();
            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).as("destroy kills what is left").isTrue();
            assertThat(m.exists()).isFalse();
        } finally {
            sleeper.destroyForcibly();
            Files.deleteIfExists(unified.resolve("cvbench-it"));
        }
    }
}
