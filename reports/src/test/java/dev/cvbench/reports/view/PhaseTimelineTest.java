package dev.cvbench.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.Sample;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.reports.view.PhaseTimeline.Lane;
import dev.cvbench.reports.view.PhaseTimeline.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhaseTimelineTest {

    @Test
    void segmentsFollowTheMediansNotTheMetricOrderAndEndInTheExit() {
        // first_output is listed before created, but its median is later; the last sample of created is an
        // outlier that would reorder them if means were used
        RunResult run = run(
                series("container", "phase_first_output_ms", 90, 94, 93),
                series("container", "phase_created_ms", 24, 23, 400),
                series("container", "phase_process_started_ms", 25, 24.4, 24.6),
                series("container", "boot_time_ms", 100, 101, 99));
        Lane lane = timeline(run).lanes().get(0);
        assertThat(lane.sandbox()).isEqualTo("container");
        assertThat(lane.segments()).extracting(Segment::phase)
                .containsExactly("created", "process_started", "first_output", "exited");
        assertThat(lane.segments().get(0).start()).isZero();
        assertThat(lane.segments().get(0).end()).isEqualTo(24);
        for (int i = 1; i < lane.segments().size(); i++) {
            assertThat(lane.segments().get(i).start()).isEqualTo(lane.segments().get(i - 1).end());
        }
        assertThat(lane.total()).isEqualTo(100);
    }

    @Test
    void aPhaseTiedWithTheExitYieldsAndLaterPhasesStay() {
        RunResult run = run(
                series("vm", "phase_gone_ms", 9000, 9100),
                series("vm", "phase_command_done_ms", 7800, 7800),
                series("vm", "phase_qemu_up_ms", 130, 140),
                series("vm", "boot_time_ms", 7800, 7800));
        Lane lane = timeline(run).lanes().get(0);
        assertThat(lane.segments()).extracting(Segment::phase).containsExactly("qemu_up", "exited", "gone");
        assertThat(lane.total()).isEqualTo(9050);
    }

    @Test
    void oneLanePerSandboxInRunOrderAndOneColorOrderForAllLanes() {
        RunResult run = run(
                series("host", "phase_process_started_ms", 2, 2),
                series("vm", "phase_qemu_up_ms", 130, 140),
                series("vm", "phase_first_output_ms", 5000, 5100),
                series("vm", "phase_domain_running_ms", 600, 700),
                series("host", "phase_first_output_ms", 70, 72),
                series("host", "boot_time_ms", 76, 77),
                series("vm", "boot_time_ms", 7800, 7900));
        PhaseTimeline t = timeline(run);
        assertThat(t.lanes()).extracting(Lane::sandbox).containsExactly("host", "vm");
        assertThat(t.phases()).containsExactly("qemu_up", "domain_running", "first_output", "process_started",
                "exited"); // the lane with the most segments sets the order, then the others add theirs
    }

    @Test
    void aSandboxWithOnlyTheExitHasNoLaneAndWithoutTheExitMetricNothingExits() {
        PhaseTimeline t = timeline(run(
                series("host", "boot_time_ms", 76, 77),
                series("vm", "phase_qemu_up_ms", 130, 140),
                series("vm", "phase_gone_ms", 9000, 9100)));
        assertThat(t.lanes()).extracting(Lane::sandbox).containsExactly("vm");
        assertThat(t.phases()).containsExactly("qemu_up", "gone");
        assertThat(t.lanes().get(0).total()).isEqualTo(9050);
    }

    @Test
    void noPhaseMetricsNoTimeline() {
        RunResult run = run(series("host", "boot_time_ms", 76, 77), series("host", "ready_time_ms", 70, 71));
        ReportModel model = ReportModel.of(run);
        assertThat(PhaseTimeline.of(model.workloads().get(0))).isEmpty();
        assertThat(PhaseTimeline.isPhaseMetric("phase_qemu_up_ms")).isTrue();
        assertThat(PhaseTimeline.isPhaseMetric("boot_time_ms")).isFalse();
        assertThat(PhaseTimeline.isPhaseMetric("phase_ms")).isFalse();
    }

    private static PhaseTimeline timeline(RunResult run) {
        return PhaseTimeline.of(ReportModel.of(run).workloads().get(0)).orElseThrow();
    }

    static RunResult run(Series... series) {
        return new RunResult(RunResult.SCHEMA, null, null, List.of(new SandboxInfo("host", true, "", Map.of()),
                new SandboxInfo("container", true, "", Map.of()), new SandboxInfo("vm", true, "", Map.of())),
                List.of(series), List.of());
    }

    static Series series(String sandbox, String metric, double... values) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            samples.add(new Sample(i, 0, values[i]));
        }
        return new Series("boot", sandbox, Map.of(), Metric.lower(metric, "ms", ""), Map.of(), samples, null, null);
    }
}
