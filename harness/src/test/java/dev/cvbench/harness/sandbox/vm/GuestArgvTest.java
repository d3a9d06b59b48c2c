package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.harness.sandbox.host.HostSandbox;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuestArgvTest {
    private static final List<String> JARS = List.of("cvbench-core.jar", "cvbench-workloads.jar");

    @Test
    void execRunsAsIs() {
        assertThat(GuestArgv.of(Command.exec("sh", "-c", "echo hi"), JARS)).containsExactly("sh", "-c", "echo hi");
    }

    @Test
    void agentGetsTheHostFlagsThenTheWorkloadsOwnWithoutAppCds() {
        Command.Agent agent = Command.agent("memory-bandwidth", "--array-mb", "8").withJvmOptions("-Xmx200m", "-XX:+UseParallelGC");
        assertThat(GuestArgv.of(agent, JARS)).containsExactly(
                "/opt/cvbench/jre/bin/java", "-Xshare:auto", "-XX:-UsePerfData", "-Xmx200m", "-XX:+UseParallelGC",
                "-cp", "/opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar",
                "dev.cvbench.workload.Agent", "memory-bandwidth", "--array-mb", "8");
    }

    @Test
    void startUpFlagsMatchTheHostSandbox() {
        List<String> argv = GuestArgv.of(Command.agent("boot"), JARS);
        assertThat(argv.subList(1, 1 + HostSandbox.AGENT_JVM_FLAGS.size())).isEqualTo(HostSandbox.AGENT_JVM_FLAGS);
        assertThat(argv).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }
}
