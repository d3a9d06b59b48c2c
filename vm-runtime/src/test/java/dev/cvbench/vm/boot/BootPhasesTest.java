package dev.cvbench.vm.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.PhaseMark;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BootPhasesTest {
    private static final List<ConsoleLine> AGENT_BOOT = List.of(
            new ConsoleLine(1_500, "[    0.000000] Linux version 6.1.0"),
            new ConsoleLine(4_000, "cvbench-init: started"),
            new ConsoleLine(4_100, "cvbench-init: exec"),
            new ConsoleLine(6_000, "CVBENCH {\"type\":\"ready\",\"workload\":\"cpu\"}"),
            new ConsoleLine(6_500, "CVBENCH {\"type\":\"ready\",\"again\":true}"),
            new ConsoleLine(9_000, "cvbench-init: exit 0"));

    @Test
    void allPhasesInOrderWithTheirTimes() {
        List<PhaseMark> p = BootPhases.of(1_000, OptionalLong.of(1_200), OptionalLong.of(1_400), AGENT_BOOT,
                OptionalLong.of(9_500));
        assertThat(p).containsExactly(
                new PhaseMark("launch_requested", 1_000), new PhaseMark("qemu_up", 1_200),
                new PhaseMark("first_output", 1_400), new PhaseMark("init_started", 4_000),
                new PhaseMark("agent_ready", 6_000), new PhaseMark("command_done", 9_000),
                new PhaseMark("gone", 9_500));
    }

    @Test
    void libvirtsRunningMarkIsPlacedByTime() {
        List<PhaseMark> p = BootPhases.of(1_000, OptionalLong.of(1_200), OptionalLong.of(1_450), OptionalLong.of(1_400),
                AGENT_BOOT, OptionalLong.empty());
        assertThat(p).extracting(PhaseMark::name).startsWith("launch_requested", "qemu_up", "first_output",
                "domain_running", "init_started");
    }

    @Test
    void unobservedPhasesAreLeftOut() {
        List<PhaseMark> p = BootPhases.of(10, OptionalLong.empty(), OptionalLong.of(20),
                List.of(new ConsoleLine(30, "Kernel panic - not syncing: VFS: Unable to mount root fs")),
                OptionalLong.empty());
        assertThat(p).extracting(PhaseMark::name).containsExactly("launch_requested", "first_output");
    }

    @Test
    void exitStatusIsFoundEvenAfterOutputWithoutNewline() {
        assertThat(BootPhases.exitStatus(AGENT_BOOT)).hasValue(0);
        assertThat(BootPhases.exitStatus(List.of(new ConsoleLine(1, "no newline herecvbench-init: exit 127"))))
                .hasValue(127);
        assertThat(BootPhases.exitStatus(List.of(new ConsoleLine(1, "cvbench-init: exec")))).isEmpty();
        assertThat(BootPhases.exitStatus(List.of(new ConsoleLine(1, "cvbench-init: exit 12345")))).isEmpty();
    }
}
