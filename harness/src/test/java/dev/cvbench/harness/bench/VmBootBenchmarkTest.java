package dev.cvbench.harness.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.PhaseMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The report's arithmetic on seeded boots, under a locale with a decimal comma. */
class VmBootBenchmarkTest {
    private static VmBootBenchmark.Boot boot(VmBootBenchmark.Cds cds, long execMs, long exitedMs) {
        long ms = 1_000_000;
        return new VmBootBenchmark.Boot(cds, List.of(new PhaseMark("launch_requested", 0), new PhaseMark("init_started", 900 * ms),
                new PhaseMark("command_done", exitedMs * ms), new PhaseMark("exited", exitedMs * ms)), execMs * ms);
    }

    @Test
    void jvmStartIsExecLineToExit() {
        assertThat(boot(VmBootBenchmark.Cds.ON, 1000, 2500).jvmMs()).isEqualTo(1500.0);
        assertThat(boot(VmBootBenchmark.Cds.ON, -1, 2500).jvmMs()).isNaN();
        assertThat(boot(VmBootBenchmark.Cds.ON, 1000, 2500).toExitMs()).isEqualTo(2500.0);
    }

    @Test
    void reportHasPercentilesRatioAndPhases() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            List<VmBootBenchmark.Boot> boots = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                boots.add(boot(VmBootBenchmark.Cds.ON, 1000, 1000 + 100L * i));
                boots.add(boot(VmBootBenchmark.Cds.OFF, 1000, 1000 + 200L * i));
            }
            String r = VmBootBenchmark.report(boots);
            assertThat(r).containsPattern("with CDS \\(-Xshare:auto\\) +500\\.0 +900\\.0")
                    .containsPattern("without CDS \\(-Xshare:off\\) +1000\\.0 +1800\\.0")
                    .contains("ratio p50 with/without CDS: 0.50")
                    .containsPattern("init_started +900\\.0 +900\\.0");
        } finally {
            Locale.setDefault(saved);
        }
    }
}
