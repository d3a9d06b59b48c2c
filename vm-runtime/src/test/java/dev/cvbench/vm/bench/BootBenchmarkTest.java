package dev.cvbench.vm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.vm.spec.DomainType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's result and table, from fixed phases (nothing boots). */
class BootBenchmarkTest {
    private static List<PhaseMark> boot(long readyMs) {
        return List.of(new PhaseMark(PhaseMark.LAUNCH_REQUESTED, 1_000_000L),
                new PhaseMark(PhaseMark.AGENT_READY, 1_000_000L + readyMs * 1_000_000L));
    }

    @Test
    void ratioIsP50OverP50AndTheReportJudgesTheTenPercentTarget() {
        BootBenchmark.Result r = new BootBenchmark.Result(DomainType.QEMU,
                List.of(boot(1100), boot(1200), boot(9000)), List.of(boot(1000), boot(1000), boot(1100)));
        assertThat(r.p50Ratio()).isEqualTo(1.2);
        String out = BootBenchmark.report(r);
        assertThat(out).contains("libvirt (cvbench)    1200.0     9000.0").contains("qemu direct          1000.0     1100.0")
                .contains("ratio p50 libvirt/direct: 1.200 (+20.0%; target within +10%): NOT MET");
    }

    @Test
    void aSideThatNeverGotReadyGivesNoRatio() {
        BootBenchmark.Result r = new BootBenchmark.Result(DomainType.KVM,
                List.of(List.of(new PhaseMark(PhaseMark.LAUNCH_REQUESTED, 0))), List.of(boot(500)));
        assertThat(r.p50Ratio()).isNaN();
    }
}
