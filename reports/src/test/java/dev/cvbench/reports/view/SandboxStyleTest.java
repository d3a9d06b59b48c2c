package dev.cvbench.reports.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxStyleTest {
    @Test
    void everyKnownKindHasItsOwnColor() {
        assertThat(Arrays.stream(SandboxStyle.values()).map(SandboxStyle::cssColor)).doesNotHaveDuplicates();
        assertThat(SandboxStyle.of("VM")).isEqualTo(SandboxStyle.VM);
        assertThat(SandboxStyle.of("vm").cssColor()).isEqualTo("#d55e00");
        assertThat(SandboxStyle.of("firecracker")).isEqualTo(SandboxStyle.OTHER);
    }

    @Test
    void emulationIsReadFromFacts() {
        assertThat(SandboxStyle.isEmulated(Map.of("domain_type", "qemu"))).isTrue();
        assertThat(SandboxStyle.isEmulated(Map.of("emulated", "true"))).isTrue();
        assertThat(SandboxStyle.isEmulated(Map.of("domain_type", "kvm"))).isFalse();
        assertThat(SandboxStyle.isEmulated(Map.of())).isFalse();
    }
}
