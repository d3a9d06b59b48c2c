package dev.cvbench.harness.sandbox.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.workload.AgentRun;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The host sandbox spawns real (unprivileged) processes: no root, network or VM involved. */
class HostSandboxTest {
    @Test
    void runsTheAgentAndRecordsOrderedPhases() throws Exception {
        try (HostSandbox host = HostSandbox.current()) {
            AgentRun run = AgentRun.execute("boot", host, InstanceSpec.of(Command.agent("boot")).timeout(Duration.ofMinutes(1)).build());
            assertThat(run.result().text("workload")).isEqualTo("boot");
            assertThat(run.instance().phases()).extracting(PhaseMark::name)
                    .containsExactly("launch_requested", "process_started", "first_output", "exited");
        }
    }

    @Test
    void execCommandsCaptureOutputAndExitStatus() throws Exception {
        try (HostSandbox host = HostSandbox.current(); Instance i = host.launch(InstanceSpec.of(Command.exec("sh", "-c", "echo one; echo two >&2; exit 3")).build())) {
            assertThat(i.waitForExit(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(i.lines()).extracting(l -> l.text()).containsExactlyInAnyOrder("one", "two");
            assertThat(i.waitFor(Pattern.compile("tw"), Duration.ofSeconds(1)).text()).isEqualTo("two");
        }
    }

    @Test
    void timeoutsAndStopWork() throws Exception {
        try (HostSandbox host = HostSandbox.current(); Instance i = host.launch(InstanceSpec.of(Command.exec("sleep", "30")).build())) {
            assertThatThrownBy(() -> i.waitForExit(Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
            assertThat(i.memoryFootprint().rssBytes()).isPositive();
            i.stop(Duration.ofSeconds(5));
            assertThat(i.exitCode()).isPresent();
        }
    }

    @Test
    void refusesWhatTheHostCannotIsolate() {
        try (HostSandbox host = HostSandbox.current()) {
            assertThatThrownBy(() -> host.launch(InstanceSpec.of(Command.exec("true")).network(NetworkMode.bridge()).build()))
                    .isInstanceOf(SandboxException.Unsupported.class);
            assertThatThrownBy(() -> host.launch(InstanceSpec.of(Command.exec("true")).memoryBytes(1 << 20).build()))
                    .isInstanceOf(SandboxException.Unsupported.class).hasMessageContaining("memory limit");
        }
    }
}
