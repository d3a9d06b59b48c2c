package dev.cvbench.harness.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.Footprint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcFootprintTest {
    @Test
    void parsesSmapsRollupInKilobytes() {
        long[] v = ProcFootprint.parse(List.of("55d0c0000000-7ffd00000000 ---p 00000000 00:00 0    [rollup]",
                "Rss:               12000 kB", "Pss:                8000 kB", "Pss_Anon:           4000 kB"));
        assertThat(v).containsExactly(8000L * 1024, 12000L * 1024);
    }

    @Test
    void ownProcessHasAFootprint() {
        Footprint f = ProcFootprint.of(ProcessHandle.current());
        assertThat(f.pssBytes()).isPositive();
        assertThat(f.rssBytes()).isGreaterThanOrEqualTo(f.pssBytes());
    }
}
