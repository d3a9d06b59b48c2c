package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.harness.HarnessException;
import org.junit.jupiter.api.Test;

class VmSizingTest {
    private static InstanceSpec.Builder spec() {
        return InstanceSpec.of(Command.exec("true"));
    }

    @Test
    void memoryIsTheLimitWhenThereIsOne() throws Exception {
        assertThat(VmSizing.memory(spec().memoryBytes(512L << 20).build()).mib()).isEqualTo(512);
        assertThat(VmSizing.memory(spec().memoryBytes(1000).build()).kib()).isEqualTo(1);
    }

    @Test
    void memoryWithoutLimitIsTheWorkloadsNeedPlusGuestOverheadWithAFloor() throws Exception {
        assertThat(VmSizing.memory(spec().build()).mib()).isEqualTo(1024);
        assertThat(VmSizing.memory(spec().option("min_memory_mb", "600").build()).mib()).isEqualTo(1024);
        assertThat(VmSizing.memory(spec().option("min_memory_mb", "1100").build()).mib()).isEqualTo(1356);
    }

    @Test
    void malformedMinimumIsBadInput() {
        assertThatThrownBy(() -> VmSizing.memory(spec().option("min_memory_mb", "lots").build()))
                .isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("min_memory_mb").hasMessageContaining("lots");
        assertThatThrownBy(() -> VmSizing.memory(spec().option("min_memory_mb", "0").build()))
                .isInstanceOf(HarnessException.BadInput.class);
    }

    @Test
    void vcpusRoundUpOrFollowTheHost() {
        assertThat(VmSizing.vcpus(spec().cpus(0.5).build(), 8)).isEqualTo(1);
        assertThat(VmSizing.vcpus(spec().cpus(1.0).build(), 8)).isEqualTo(1);
        assertThat(VmSizing.vcpus(spec().cpus(1.2).build(), 8)).isEqualTo(2);
        assertThat(VmSizing.vcpus(spec().build(), 2)).isEqualTo(2);
        assertThat(VmSizing.vcpus(spec().build(), 0)).isEqualTo(1);
    }
}
