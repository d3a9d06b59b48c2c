package dev.cvbench.core.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstanceSpecTest {
    @Test
    void defaultsAreIsolatedAndUnlimited() {
        InstanceSpec s = InstanceSpec.of(Command.exec("/bin/true")).build();
        assertThat(s.image()).isEqualTo(InstanceSpec.DEFAULT_IMAGE);
        assertThat(s.network()).isInstanceOf(NetworkMode.None.class);
        assertThat(s.ipc()).isInstanceOf(IpcMode.Private.class);
        assertThat(s.memoryBytes()).isEmpty();
        assertThat(s.cpus()).isEmpty();
        assertThat(s.volumes()).isEmpty();
    }

    @Test
    void toBuilderCopiesEverything() {
        InstanceSpec s = InstanceSpec.of(Command.agent("boot").withJvmOptions("-Xmx64m")).name("a").cpus(1.5).memoryBytes(1 << 20)
                .pidsLimit(10).hostname("h").env("K", "V").network(NetworkMode.bridge())
                .volume(Volume.hostDir(Path.of("/tmp"), "/data")).option("kernel", "generic").build();
        InstanceSpec copy = s.toBuilder().build();
        assertThat(copy.name()).contains("a");
        assertThat(copy.cpus()).hasValue(1.5);
        assertThat(copy.pidsLimit()).hasValue(10);
        assertThat(copy.env()).containsEntry("K", "V");
        assertThat(copy.volumes()).hasSize(1);
        assertThat(copy.options()).containsEntry("kernel", "generic");
        assertThat(((Command.Agent) copy.command()).jvmOptions()).containsExactly("-Xmx64m");
    }

    @Test
    void refusesImpossibleLimits() {
        InstanceSpec.Builder b = InstanceSpec.of(Command.exec("/bin/true"));
        assertThatThrownBy(() -> b.cpus(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.memoryBytes(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.pidsLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Command.exec()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sandboxKindsParseCaseInsensitivelyAndNameTheKnownOnes() {
        assertThat(SandboxKind.fromId(" VM ")).isEqualTo(SandboxKind.VM);
        assertThatThrownBy(() -> SandboxKind.fromId("docker")).hasMessageContaining("unknown runtime 'docker'");
    }
}
