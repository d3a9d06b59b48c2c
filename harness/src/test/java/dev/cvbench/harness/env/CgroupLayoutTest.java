package dev.cvbench.harness.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {
    @Test
    void hybridIsV1ControllersPlusAnEmptyUnifiedMount() {
        CgroupLayout l = CgroupLayout.parse(List.of(
                "cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0",
                "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0",
                "cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,name=systemd 0 0",
                "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0"), m -> Set.of());
        assertThat(l.version()).isEqualTo("hybrid");
        assertThat(l.v1Controllers()).containsExactly("cpu", "memory");
        assertThat(l.describe()).isEqualTo("hybrid (v1: cpu, memory; unified at /sys/fs/cgroup/unified, no controllers)");
    }

    @Test
    void pureV2() {
        CgroupLayout l = CgroupLayout.parse(List.of("cgroup2 /sys/fs/cgroup cgroup2 rw 0 0"), m -> Set.of("cpu", "memory", "pids"));
        assertThat(l.version()).isEqualTo("v2");
        assertThat(l.describe()).isEqualTo("v2 (unified at /sys/fs/cgroup: cpu, memory, pids)");
    }

    @Test
    void cpuModelFromCpuinfo() {
        assertThat(EnvironmentProbe.cpuModel(List.of("processor\t: 0", "model name\t: AMD EPYC 7763", "flags\t: fpu"))).isEqualTo("AMD EPYC 7763");
        assertThat(EnvironmentProbe.cpuModel(List.of())).isEqualTo("unknown");
    }
}
