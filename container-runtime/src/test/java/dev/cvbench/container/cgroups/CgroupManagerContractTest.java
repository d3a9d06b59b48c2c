package dev.cvbench.container.cgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.config.ContainerConfig.ResourceLimits;
import dev.cvbench.container.sys.RecordingSyscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract for both cgroup managers, run against fake trees in a temp dir (no root): the
 * files a kernel would offer are seeded, the manager's writes are read back.
 */
class CgroupManagerContractTest {
    @TempDir
    static Path tmp;

    /** A fake host: its layout, where each limit file lands, how to seed usage files. */
    interface Fake {
        CgroupLayout layout() throws IOException;

        Path file(String controller, String name);

        String name();
    }

    static final ResourceLimits LIMITS = new ResourceLimits(Optional.of(64L << 20), Optional.empty(), Optional.of(50_000L),
            Optional.of(100_000L), Optional.of(1024L), Optional.of("0"), Optional.of("0"), Optional.of(20L));

    static Stream<Fake> fakes() {
        return Stream.of(new Fake() {
            final Path root = tmp.resolve("v1");

            @Override
            public CgroupLayout layout() throws IOException {
                Map<String, Path> h = new LinkedHashMap<>();
                for (String c : CgroupV1Manager.CONTROLLERS) {
                    h.put(c, Files.createDirectories(root.resolve(c)));
                }
                Files.writeString(root.resolve("cpuset/cpuset.cpus"), "0-1");
                Files.writeString(root.resolve("cpuset/cpuset.mems"), "0");
                return new CgroupLayout.V1(h);
            }

            @Override
            public Path file(String controller, String name) {
                return root.resolve(controller).resolve("cvbench/c1").resolve(name);
            }

            @Override
            public String name() {
                return "v1";
            }

            @Override
            public String toString() {
                return "v1";
            }
        }, new Fake() {
            final Path root = tmp.resolve("v2");

            @Override
            public CgroupLayout layout() throws IOException {
                Files.createDirectories(root);
                Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids");
                return new CgroupLayout.V2(root);
            }

            @Override
            public Path file(String controller, String name) {
                return root.resolve("cvbench/c1").resolve(name);
            }

            @Override
            public String name() {
                return "v2";
            }

            @Override
            public String toString() {
                return "v2";
            }
        });
    }

    @ParameterizedTest
    @MethodSource("fakes")
    void createWritesLimitsAddReadsStatsAndDestroyRemoves(Fake fake) throws Exception {
        RecordingSyscalls sys = new RecordingSyscalls();
        CgroupManager m = fake.layout().manager("/cvbench/c1", sys);
        assertThat(m.exists()).isFalse();
        m.create(LIMITS);
        assertThat(m.exists()).isTrue();
        if (fake.name().equals("v1")) {
            assertThat(Files.readString(fake.file("memory", "memory.limit_in_bytes"))).isEqualTo(Long.toString(64L << 20));
            assertThat(Files.readString(fake.file("cpu", "cpu.cfs_quota_us"))).isEqualTo("50000");
            assertThat(Files.readString(fake.file("cpu", "cpu.cfs_period_us"))).isEqualTo("100000");
            assertThat(Files.readString(fake.file("cpu", "cpu.shares"))).isEqualTo("1024");
            assertThat(Files.readString(fake.file("pids", "pids.max"))).isEqualTo("20");
            assertThat(Files.readString(fake.file("cpuset", "cpuset.cpus"))).isEqualTo("0");
            assertThat(Files.readString(fake.file("cpuset", "../cpuset.mems"))).as("parent copied from root").isEqualTo("0");
            Files.writeString(fake.file("memory", "memory.usage_in_bytes"), "4096\n");
            Files.writeString(fake.file("memory", "memory.max_usage_in_bytes"), "8192\n");
            Files.writeString(fake.file("memory", "memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
            Files.writeString(fake.file("cpu", "cpu.stat"), "nr_periods 10\nnr_throttled 4\nthrottled_time 7000\n");
            Files.writeString(fake.file("pids", "pids.current"), "3\n");
        } else {
            assertThat(Files.readString(fake.file("", "memory.max"))).isEqualTo(Long.toString(64L << 20));
            assertThat(Files.readString(fake.file("", "cpu.max"))).isEqualTo("50000 100000");
            assertThat(Files.readString(fake.file("", "cpu.weight"))).isEqualTo("39");
            assertThat(Files.readString(fake.file("", "pids.max"))).isEqualTo("20");
            assertThat(Files.readString(tmp.resolve("v2/cgroup.subtree_control"))).isEqualTo("+cpuset +cpu +memory +pids");
            Files.writeString(fake.file("", "memory.current"), "4096\n");
            Files.writeString(fake.file("", "memory.peak"), "8192\n");
            Files.writeString(fake.file("", "memory.events"), "low 0\nhigh 0\nmax 1\noom 1\noom_kill 2\n");
            Files.writeString(fake.file("", "cpu.stat"), "usage_usec 5\nnr_periods 10\nnr_throttled 4\nthrottled_usec 7\n");
            Files.writeString(fake.file("", "pids.current"), "3\n");
        }
        m.addProcess(4242);
        assertThat(m.pids()).containsExactly(4242L);
        CgroupStats s = m.stats();
        assertThat(s).isEqualTo(new CgroupStats(4096, java.util.OptionalLong.of(8192), 10, 4, 7, 3, 2));

        // destroy: a fake kernel forgets the pid once SIGKILLed
        sys.onKill(pid -> {
            for (Path procs : procsFiles(fake)) {
                Files.writeString(procs, "");
            }
        });
        m.destroy();
        assertThat(sys.calls()).contains("kill 4242 9");
        assertThat(m.exists()).isFalse();
        m.destroy(); // idempotent
    }

    static List<Path> procsFiles(Fake f) {
        return f.name().equals("v1")
                ? CgroupV1Manager.CONTROLLERS.stream().map(c -> f.file(c, "cgroup.procs")).filter(Files::exists).toList()
                : List.of(f.file("", "cgroup.procs"));
    }
}
