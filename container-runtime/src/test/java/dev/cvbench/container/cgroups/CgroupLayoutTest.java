package dev.cvbench.container.cgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {
    static final String HYBRID = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void hybridHostIsV1WithItsControllers() throws Exception {
        CgroupLayout l = CgroupLayout.parse(HYBRID);
        assertThat(l).isInstanceOf(CgroupLayout.V1.class);
        assertThat(((CgroupLayout.V1) l).hierarchies()).containsEntry("cpu", Path.of("/sys/fs/cgroup/cpu"))
                .containsEntry("memory", Path.of("/sys/fs/cgroup/memory")).doesNotContainKey("name=systemd");
        assertThat(l.version()).isEqualTo("v1");
    }

    @Test
    void unifiedOnlyHostIsV2() throws Exception {
        CgroupLayout l = CgroupLayout.parse("29 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");
        assertThat(l).isEqualTo(new CgroupLayout.V2(Path.of("/sys/fs/cgroup")));
    }

    @Test
    void combinedCpuCpuacctHierarchy() throws Exception {
        CgroupLayout l = CgroupLayout.parse("32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n");
        assertThat(((CgroupLayout.V1) l).hierarchies()).containsEntry("cpuacct", Path.of("/sys/fs/cgroup/cpu,cpuacct"));
    }

    @Test
    void noCgroupsIsAClearError() {
        assertThatThrownBy(() -> CgroupLayout.parse("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"))
                .hasMessage("no cgroup filesystem is mounted: mount cgroup2 on /sys/fs/cgroup");
    }

    @Test
    void sharesBecomeWeightLikeRunc() {
        assertThat(CgroupV2Manager.sharesToWeight(2)).isEqualTo(1);
        assertThat(CgroupV2Manager.sharesToWeight(1024)).isEqualTo(39);
        assertThat(CgroupV2Manager.sharesToWeight(262144)).isEqualTo(10000);
    }
}
