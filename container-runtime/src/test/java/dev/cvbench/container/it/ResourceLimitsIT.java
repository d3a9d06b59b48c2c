package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.cgroups.CgroupStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cgroup limits enforced by the kernel on real containers, and usage read back. */
class ResourceLimitsIT {
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

    @Test
    void memoryHogIsOomKilledUnderItsLimit() throws Exception {
        // dd allocates and fills a 100 MiB block buffer against a 32 MiB limit
        ContainerSpec spec = ContainerSpec.builder(image).memoryLimit(32L << 20)
                .args(List.of("/bin/sh", "-c", "dd if=/dev/zero of=/dev/null bs=100M count=1 2>/dev/null; echo survived")).build();
        try (Container c = runtime.create("oom", spec)) {
            c.start();
            String out = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(c.waitForExit(Duration.ofSeconds(30))).isPresent();
            CgroupStats stats = c.stats();
            assertThat(stats.oomKills()).as("oom kills; output: " + out).isPositive();
            assertThat(stats.memoryPeakBytes().orElseThrow()).isLessThanOrEqualTo(32L << 20);
        }
    }

    @Test
    void forkFailsAtThePidsLimit() throws Exception {
        ContainerSpec spec = ContainerSpec.builder(image).pidsLimit(5)
                .args(List.of("/bin/sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 5 & done 2>&1; wait")).build();
        try (Container c = runtime.create("pids", spec)) {
            c.start();
            String out = new String(c.stdout().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(out).contains("can't fork");
        }
    }

    @Test
    void cpuQuotaThrottles() throws Exception {
        ContainerSpec spec = ContainerSpec.builder(image).cpus(0.1)
                .args(List.of("/bin/sh", "-c", "timeout 1 yes > /dev/null; true")).build();
        try (Container c = runtime.create("cpu", spec)) {
            c.start();
            assertThat(c.waitForExit(Duration.ofSeconds(20))).hasValue(0);
            CgroupStats stats = c.stats();
            assertThat(stats.cpuThrottledPeriods()).as("nr_throttled").isPositive();
        }
    }

    @Test
    void memoryUsageIsReadBack() throws Exception {
        try (Container c = runtime.run("mem", ContainerSpec.of(image, "/bin/sleep", "10"))) {
            assertThat(c.memoryUsage()).isPositive();
            assertThat(c.memoryPeak()).isPresent();
            assertThat(c.stats().pidsCurrent()).isEqualTo(1);
            assertThat(Busybox.cgroupDir(runtime.root(), "memory", "mem").resolve("cgroup.procs"))
                    .content().isEqualTo(c.pid() + "\n");
        }
        assertThat(Busybox.cgroupDir(runtime.root(), "memory", "mem")).doesNotExist();
    }
}
