package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.PhaseMark;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmPhasesTest {
    @Test
    void sandboxLaunchStartsTheClockAndCommandDoneIsExited() {
        List<PhaseMark> vm = List.of(new PhaseMark("launch_requested", 100), new PhaseMark("qemu_up", 200),
                new PhaseMark("first_output", 900), new PhaseMark("init_started", 950), new PhaseMark("agent_ready", 1500),
                new PhaseMark("command_done", 1600), new PhaseMark("gone", 3000));
        List<PhaseMark> out = VmPhases.of(40, vm);
        assertThat(out).extracting(PhaseMark::name).containsExactly("launch_requested", "domain_create", "qemu_up", "first_output",
                "init_started", "agent_ready", "command_done", "exited", "gone");
        assertThat(out.get(0).nanos()).isEqualTo(40);
        assertThat(out.get(1).nanos()).isEqualTo(100);
        assertThat(out).filteredOn(p -> p.name().equals("exited")).extracting(PhaseMark::nanos).containsExactly(1600L);
    }

    @Test
    void noExitedWhileTheCommandRuns() {
        List<PhaseMark> out = VmPhases.of(10, List.of(new PhaseMark("launch_requested", 20), new PhaseMark("init_started", 30)));
        assertThat(out).extracting(PhaseMark::name).containsExactly("launch_requested", "domain_create", "init_started");
    }

    @Test
    void outOfOrderObservationsAreSortedByTime() {
        List<PhaseMark> out = VmPhases.of(0, List.of(new PhaseMark("launch_requested", 5), new PhaseMark("domain_running", 90),
                new PhaseMark("first_output", 50)));
        assertThat(out).extracting(PhaseMark::name).containsExactly("launch_requested", "domain_create", "first_output", "domain_running");
    }
}
