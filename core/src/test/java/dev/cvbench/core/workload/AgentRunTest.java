package dev.cvbench.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.ScriptedSandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentRunTest {
    private static final InstanceSpec SPEC = InstanceSpec.of(Command.agent("memory-bandwidth")).build();

    private static AgentRun run(List<String> lines, int exit) throws Exception {
        return AgentRun.execute("memory-bandwidth", new ScriptedSandbox(lines, exit, false), SPEC);
    }

    @Test
    void groupsSamplesByMetricInIterationOrder() throws Exception {
        AgentRun r = run(List.of(
                "starting",
                "CVBENCH {\"type\":\"ready\"}",
                "CVBENCH {\"type\":\"sample\",\"metric\":\"copy_gb_per_s\",\"unit\":\"GB/s\",\"direction\":\"higher\",\"iteration\":1,\"value\":2.0}",
                "CVBENCH {\"type\":\"sample\",\"metric\":\"copy_gb_per_s\",\"unit\":\"GB/s\",\"direction\":\"higher\",\"iteration\":0,\"value\":1.0}",
                "CVBENCH {\"type\":\"sample\",\"metric\":\"rtt_us\",\"unit\":\"us\",\"direction\":\"lower\",\"iteration\":0,\"value\":9.5,\"tags\":{\"size\":\"64\"}}",
                "CVBENCH {\"type\":\"result\"}"), 0);
        List<Measurement> m = r.measurements();
        assertThat(m).hasSize(2);
        assertThat(m.get(0).metric().name()).isEqualTo("copy_gb_per_s");
        assertThat(m.get(0).values()).containsExactly(1.0, 2.0);
        assertThat(m.get(1).metric().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(m.get(1).tags()).containsEntry("size", "64");
    }

    @Test
    void missingResultLineNamesWorkloadAndSandboxWithLastLines() {
        assertThatThrownBy(() -> run(List.of("CVBENCH {\"type\":\"ready\"}", "Exception in thread main"), 0))
                .isInstanceOf(WorkloadException.class)
                .hasMessage("memory-bandwidth in container: agent printed no result line")
                .satisfies(e -> assertThat(((WorkloadException) e).lastLines()).contains("Exception in thread main"));
    }

    @Test
    void garbledLineIsAnError() {
        assertThatThrownBy(() -> run(List.of("CVBENCH {\"type\":", "CVBENCH {\"type\":\"result\"}"), 0))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("garbled agent line");
    }

    @Test
    void agentErrorAndNonZeroExitAreErrors() {
        assertThatThrownBy(() -> run(List.of("CVBENCH {\"type\":\"error\",\"message\":\"boom\"}"), 1))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("agent error: boom");
        assertThatThrownBy(() -> run(List.of("CVBENCH {\"type\":\"result\"}"), 137))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("exited with status 137");
    }

    @Test
    void timeoutIsAnError() {
        assertThatThrownBy(() -> AgentRun.execute("boot", new ScriptedSandbox(List.of("booting"), 0, true), SPEC))
                .isInstanceOf(WorkloadException.class).hasMessageContaining("no exit within");
    }

    @Test
    void tailKeepsTheLastFifteenLines() {
        List<dev.cvbench.core.sandbox.ConsoleLine> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(new dev.cvbench.core.sandbox.ConsoleLine(i, "l" + i));
        }
        assertThat(AgentRun.tail(lines)).hasSize(AgentRun.TAIL).startsWith("l25").endsWith("l39");
    }
}
