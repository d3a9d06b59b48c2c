package dev.cvbench.workload.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.wire.AgentMessage;
import dev.cvbench.core.wire.WireParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootWorkloadTest {
    private static final long MS = 1_000_000;

    @Test
    void bootTimeIsLaunchToExitAndEveryPhaseIsReported() throws Exception {
        List<PhaseMark> phases = List.of(new PhaseMark("launch_requested", 100 * MS), new PhaseMark("qemu_up", 150 * MS),
                new PhaseMark("first_output", 400 * MS), new PhaseMark("exited", 2100 * MS));
        List<AgentMessage> msgs = List.of(WireParser.parse(new ConsoleLine(1600 * MS, "CVBENCH {\"type\":\"ready\"}")).orElseThrow());
        List<Measurement> m = BootWorkload.measurements(phases, msgs, "vm", null);
        assertThat(m).extracting(x -> x.metric().name())
                .containsExactly("boot_time_ms", "ready_time_ms", "phase_qemu_up_ms", "phase_first_output_ms");
        assertThat(m.get(0).values()).containsExactly(2000.0);
        assertThat(m.get(1).values()).containsExactly(1500.0);
        assertThat(m.get(2).values()).containsExactly(50.0);
    }

    @Test
    void aSandboxThatRecordsNoExitIsAnError() {
        assertThatThrownBy(() -> BootWorkload.measurements(List.of(new PhaseMark("launch_requested", 1)), List.of(), "vm", null))
                .hasMessageContaining("no exited phase");
    }
}
