package dev.cvbench.harness.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.ContainerSpec;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.IpcMode;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.core.sandbox.Volume;
import dev.cvbench.harness.image.AgentLayout;
import dev.cvbench.harness.sandbox.host.HostSandbox;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpecMapperTest {
    private static final Path ROOTFS = Path.of("/var/cache/cvbench/images/k/rootfs");
    private final SpecMapper mapper = new SpecMapper(ROOTFS, AgentLayout.of(List.of("cvbench-core.jar", "cvbench-workloads.jar"), true));

    @Test
    void agentGetsThroughputFlagsWithoutAppCdsAndTheWorkloadsJvmOptionsLast() {
        ContainerSpec s = mapper.map("c1", InstanceSpec.of(Command.agent("memory-bandwidth", "--size-mb", "64").withJvmOptions("-Xmx256m")).build());
        assertThat(s.args()).startsWith(AgentLayout.JAVA).containsSubsequence(HostSandbox.AGENT_JVM_FLAGS)
                .containsSubsequence("-XX:-UsePerfData", "-Xmx256m", "-cp", "/opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar",
                        AgentLayout.AGENT_MAIN, "memory-bandwidth", "--size-mb", "64")
                .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(s.image()).isEqualTo(ROOTFS);
        assertThat(s.overlay()).isTrue();
    }

    @Test
    void execArgvEnvHostnameAndLimitsPassThrough() {
        ContainerSpec s = mapper.map("c2", InstanceSpec.of(Command.exec("/bin/echo", "hi")).env("A", "1").hostname("web")
                .memoryBytes(64L << 20).cpus(0.5).pidsLimit(32).build());
        assertThat(s.args()).containsExactly("/bin/echo", "hi");
        assertThat(s.env()).containsEntry("A", "1");
        assertThat(s.hostname()).contains("web");
        assertThat(s.memoryBytes()).contains(64L << 20);
        assertThat(s.cpus()).contains(0.5);
        assertThat(s.pidsLimit()).contains(32L);
        assertThat(mapper.map("c3", InstanceSpec.of(Command.exec("true")).build()).hostname()).contains("c3");
    }

    @Test
    void networkModes() {
        Instance other = new Named("db");
        assertThat(net(NetworkMode.none())).isEqualTo("none");
        assertThat(net(NetworkMode.bridge())).isEqualTo("bridge");
        assertThat(net(NetworkMode.host())).isEqualTo("host");
        assertThat(net(NetworkMode.sharedWith(other))).isEqualTo("container:db");
    }

    @Test
    void ipcModesArePrivateButJoinable() {
        Instance other = new Named("shm");
        assertThat(ipc(IpcMode.isolated())).isEqualTo("shareable");
        assertThat(ipc(IpcMode.host())).isEqualTo("host");
        assertThat(ipc(IpcMode.sharedWith(other))).isEqualTo("container:shm");
    }

    @Test
    void volumes() {
        ContainerSpec s = mapper.map("c4", InstanceSpec.of(Command.exec("true"))
                .volume(new Volume.HostDir(Path.of("/srv/conf"), "/etc/app", true))
                .volume(Volume.named("logs", "/var/log/app"))
                .volume(Volume.from(new Named("app"))).build());
        assertThat(s.binds()).containsExactly(new ContainerSpec.Bind(Path.of("/srv/conf"), "/etc/app", true));
        assertThat(s.volumes()).containsExactly(new ContainerSpec.NamedVolume("logs", "/var/log/app", false));
        assertThat(s.volumesFrom()).containsExactly("app");
    }

    private String net(NetworkMode m) {
        return mapper.map("x", InstanceSpec.of(Command.exec("true")).network(m).build()).network();
    }

    private String ipc(IpcMode m) {
        return mapper.map("x", InstanceSpec.of(Command.exec("true")).ipc(m).build()).ipc();
    }

    /** An instance that only has an id. */
    private record Named(String id) implements Instance {
        @Override
        public SandboxKind kind() {
            return SandboxKind.CONTAINER;
        }

        @Override
        public List<ConsoleLine> lines() {
            return List.of();
        }

        @Override
        public ConsoleLine waitFor(Pattern pattern, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int waitForExit(Duration timeout) {
            return 0;
        }

        @Override
        public OptionalInt exitCode() {
            return OptionalInt.empty();
        }

        @Override
        public Optional<InetAddress> address() {
            return Optional.empty();
        }

        @Override
        public List<PhaseMark> phases() {
            return List.of();
        }

        @Override
        public Footprint memoryFootprint() {
            return Footprint.unknown();
        }

        @Override
        public void stop(Duration grace) {}

        @Override
        public void close() {}
    }
}
