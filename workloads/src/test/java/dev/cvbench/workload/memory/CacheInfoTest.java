package dev.cvbench.workload.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheInfoTest {
    @TempDir
    Path root;

    private void cache(int cpu, int index, int level, String type, String size, String shared) throws IOException {
        Path d = Files.createDirectories(root.resolve("cpu" + cpu + "/cache/index" + index));
        Files.writeString(d.resolve("level"), level + "\n");
        Files.writeString(d.resolve("type"), type + "\n");
        Files.writeString(d.resolve("size"), size + "\n");
        Files.writeString(d.resolve("shared_cpu_list"), shared + "\n");
    }

    @Test
    void sumsEachDistinctLastLevelCacheOnce() throws IOException {
        for (int cpu = 0; cpu < 4; cpu++) {
            cache(cpu, 0, 1, "Data", "32K", Integer.toString(cpu));
            cache(cpu, 1, 1, "Instruction", "32K", Integer.toString(cpu));
            cache(cpu, 2, 2, "Unified", "512K", Integer.toString(cpu));
            cache(cpu, 3, 3, "Unified", "16384K", cpu < 2 ? "0-1" : "2-3");
        }
        Files.createDirectories(root.resolve("cpufreq"));
        assertThat(CacheInfo.lastLevelCacheBytes(root)).isEqualTo(2L * 16 * 1024 * 1024);
    }

    @Test
    void noCacheInformationIsMinusOne() throws IOException {
        Files.createDirectories(root.resolve("cpu0"));
        assertThat(CacheInfo.lastLevelCacheBytes(root)).isEqualTo(-1);
    }

    @Test
    void arraySizeIsFourTimesTheCacheAndAtLeast64() {
        assertThat(MemoryBandwidthWorkload.arrayMb("auto", 32L << 20)).isEqualTo(128);
        assertThat(MemoryBandwidthWorkload.arrayMb("auto", 1L << 20)).isEqualTo(64);
        assertThat(MemoryBandwidthWorkload.arrayMb("auto", -1)).isEqualTo(64);
        assertThat(MemoryBandwidthWorkload.arrayMb("200", 32L << 20)).isEqualTo(200);
        assertThatThrownBy(() -> MemoryBandwidthWorkload.arrayMb("big", 0)).hasMessageContaining("array_mb");
    }

    @Test
    void parsesKernelSizes() {
        assertThat(CacheInfo.parseSize("32768K")).isEqualTo(32L << 20);
        assertThat(CacheInfo.parseSize("1M")).isEqualTo(1L << 20);
        assertThat(CacheInfo.parseSize("512")).isEqualTo(512);
    }
}
