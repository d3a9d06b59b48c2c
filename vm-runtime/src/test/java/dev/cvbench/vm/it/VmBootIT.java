package dev.cvbench.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.vm.Vm;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.VmHostInfo;
import dev.cvbench.vm.VmRuntime;
import dev.cvbench.vm.boot.BootPhases;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Boots real TCG guests through libvirt's embedded driver. Each boot takes seconds; keep this class small. */
@Timeout(300)
class VmBootIT {
    private static Path state;
    private static VmRuntime runtime;
    private static GuestImage image;

    @BeforeAll
    static void setUp() throws Exception {
        TestGuest.assumeMachine();
        image = TestGuest.image();
        state = TestGuest.stateDir();
        runtime = VmRuntime.open(null, state);
        runtime.cleanupStale();
        VmHostInfo info = runtime.info();
        System.out.println("VmBootIT: " + info);
        assertThat(info.libvirtVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(info.qemuVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(dev.cvbench.vm.VmAvailability.embedded().available()).isTrue();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    private static VmSpec.Builder spec(String name) {
        return VmSpec.builder().name(name).memory("256M").kernel(image.kernel()).initramfs(image.initramfs());
    }

    @Test
    void echoHelloUnderTcgPrintsOutputExitsZeroAndLeavesNoDomain() throws Exception {
        VmSpec s = spec("it-echo").domainType(DomainType.QEMU).argv(List.of("echo", "hello")).build();
        List<PhaseMark> phases;
        try (Vm vm = runtime.boot(s)) {
            assertThat(vm.domainType()).isEqualTo(DomainType.QEMU);
            assertThat(vm.awaitExit(Duration.ofSeconds(120))).isZero();
            assertThat(vm.lines()).extracting(ConsoleLine::text).contains("hello");
            phases = vm.phases();
        }
        phases.forEach(p -> System.out.printf("  %-16s %8.1f ms%n", p.name(),
                (p.nanos() - phases.get(0).nanos()) / 1e6));
        assertThat(phases).extracting(PhaseMark::name).containsExactly(PhaseMark.LAUNCH_REQUESTED,
                BootPhases.QEMU_UP, BootPhases.DOMAIN_RUNNING, PhaseMark.FIRST_OUTPUT, BootPhases.INIT_STARTED,
                BootPhases.COMMAND_DONE, PhaseMark.GONE);
        assertThat(phases).isSortedAccordingTo(Comparator.comparingLong(PhaseMark::nanos));
        long total = phases.get(phases.size() - 1).nanos() - phases.get(0).nanos();
        assertThat(Duration.ofNanos(total)).isBetween(Duration.ofMillis(50), Duration.ofSeconds(120));
        assertThat(runtime.cleanupStale()).isEmpty();
    }

    @Test
    void exitStatusEnvironmentReadinessAndFootprintComeThrough() throws Exception {
        VmSpec s = spec("it-exit").env("GREETING", "hi there").hostname("guest1")
                .argv(List.of("sh", "-c", "echo \"$GREETING from $(hostname)\"; echo 'CVBENCH {\"type\":\"ready\"}';"
                        + " sleep 2; exit 3")).build();
        try (Vm vm = runtime.boot(s)) {
            assertThat(vm.qemuPid()).isPresent();
            Footprint f = vm.memoryFootprint();
            assertThat(f.pssBytes()).as("QEMU PSS").isGreaterThan(10L << 20).isLessThanOrEqualTo(f.rssBytes());
            assertThat(vm.awaitExit(Duration.ofSeconds(120))).isEqualTo(3);
            assertThat(vm.lines()).extracting(ConsoleLine::text).contains("hi there from guest1");
            assertThat(vm.exitCode()).hasValue(3);
            assertThat(vm.phases()).extracting(PhaseMark::name).containsSubsequence(BootPhases.INIT_STARTED,
                    PhaseMark.AGENT_READY, BootPhases.COMMAND_DONE, PhaseMark.GONE);
            assertThat(vm.qemuPid()).isEmpty();
        }
    }

    @Test
    void unknownUriIsOneClearLine() {
        assertThatThrownBy(() -> VmRuntime.open("nosuchdriver:///system", state))
                .isInstanceOf(VmException.LibvirtUnavailable.class)
                .hasMessageContaining("nosuchdriver:///system").hasMessageNotContaining("\n");
    }

    @Test
    void missingKernelIsRefusedBeforeAnyDomainExists() throws Exception {
        VmSpec s = spec("it-nokernel").kernel(state.resolve("no-such-vmlinuz")).build();
        assertThatThrownBy(() -> runtime.boot(s)).isInstanceOf(VmException.KernelNotFound.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void guestThatNeverReachesInitTimesOutWithConsoleLinesAndNoDomainLeft() throws Exception {
        Path bogus = state.resolve("bogus.cpio");
        Files.write(bogus, "this is not a cpio archive\n".repeat(100).getBytes());
        VmSpec s = spec("it-bogus").initramfs(bogus).initTimeout(Duration.ofSeconds(60)).build();
        assertThatThrownBy(() -> runtime.boot(s)).isInstanceOf(VmException.BootTimeout.class)
                .hasMessageContaining("cvbench-it-bogus")
                .satisfies(e -> assertThat(((VmException.BootTimeout) e).lastLines()).isNotEmpty());
        assertThat(runtime.cleanupStale()).isEmpty();
    }
}
