package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Command;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentLayoutTest {
    @Test
    void agentArgvWithAppCds() {
        AgentLayout layout = AgentLayout.of(List.of("cvbench-core.jar", "cvbench-workloads.jar"), true);
        assertThat(layout.argv(new Command.Agent("stream", List.of("--size", "64m")))).containsExactly(
                "/opt/cvbench/jre/bin/java", "-Xshare:auto", "-XX:SharedArchiveFile=/opt/cvbench/agent.jsa", "-XX:-UsePerfData",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", "/opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar",
                "dev.cvbench.workload.Agent", "stream", "--size", "64m");
    }

    @Test
    void wildcardLayoutWithoutAppCds() {
        assertThat(AgentLayout.wildcard().argv("noop", List.of())).containsExactly(
                "/opt/cvbench/jre/bin/java", "-Xshare:auto", "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", "/opt/cvbench/lib/*", "dev.cvbench.workload.Agent", "noop");
    }

    @Test
    void callerFlagsComeAfterDefaultsSoTheyWin() {
        List<String> argv = AgentLayout.of(List.of("a.jar"), false)
                .argv(AgentLayout.Tuning.THROUGHPUT, List.of("-Xmx256m", "-XX:+UseParallelGC"), "x.Main", List.of("1"));
        assertThat(argv).containsExactly("/opt/cvbench/jre/bin/java", "-Xshare:auto", "-XX:-UsePerfData", "-Xmx256m",
                "-XX:+UseParallelGC", "-cp", "/opt/cvbench/lib/a.jar", "x.Main", "1");
    }

    @Test
    void rejectsJarNamesThatBreakTheClassPath() {
        assertThatThrownBy(() -> AgentLayout.of(List.of("a:b.jar"), false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentLayout.of(List.of("../x.jar"), false)).isInstanceOf(IllegalArgumentException.class);
    }
}
