package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.workload.WorkloadContext;
import dev.cvbench.workload.boot.BootWorkload;
import dev.cvbench.workload.memory.MemoryBandwidthWorkload;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vm sandbox with real TCG (or KVM) guests through libvirt's embedded driver: one sandbox for the class,
 * three boots (boot workload, a small STREAM run, a bridged command).
 */
class VmSandboxIT {
    private static VmSandbox sandbox;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        VmItSupport.assumeVmsCanRun();
        Files.createDirectories(VmItSupport.STATE);
        sandbox = VmSandbox.open(new VmSandboxConfig(VmItSupport.STATE, VmItSupport.CACHE, Optional.empty(), KernelChoice.cloud(),
                line -> {
                    synchronized (progress) {
                        progress.add(line);
                    }
                }));
    }

    @AfterAll
    static void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void factsSayHowTheGuestRuns() {
        Map<String, String> facts = sandbox.facts();
        assertThat(facts.get("domain_type")).isIn("kvm", "qemu");
        assertThat(facts.get("emulated")).isEqualTo(Boolean.toString(facts.get("domain_type").equals("qemu")));
        assertThat(facts.get("libvirt")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(facts.get("qemu")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(facts).containsEntry("kernel", "cloud").containsKey("kernel_version");
        assertThat(progress).anyMatch(l -> l.contains("initramfs"));
    }

    @Test
    void bootWorkloadMeasuresAnOrderedBoot() throws Exception {
        List<Measurement> ms = new BootWorkload().run(new WorkloadContext(sandbox, Map.of(), 0, false, Duration.ofMinutes(3)));
        double boot = value(ms, "boot_time_ms");
        assertThat(boot).isGreaterThan(50).isLessThan(180_000);
        double[] ordered = {value(ms, "phase_domain_create_ms"), value(ms, "phase_qemu_up_ms"), value(ms, "phase_init_started_ms"),
            value(ms, "phase_agent_ready_ms"), value(ms, "phase_command_done_ms")};
        for (int i = 1; i < ordered.length; i++) {
            assertThat(ordered[i]).as("phase %d after phase %d", i, i - 1).isGreaterThanOrEqualTo(ordered[i - 1]);
        }
        assertThat(value(ms, "phase_command_done_ms")).isEqualTo(boot);
        assertThat(value(ms, "ready_time_ms")).isLessThan(boot);
    }

    @Test
    void memoryBandwidthRunsInTheGuest() throws Exception {
        Map<String, String> params = Map.of("array_mb", "8", "iterations", "2", "threads", "auto");
        List<Measurement> ms = new MemoryBandwidthWorkload().run(new WorkloadContext(sandbox, params, 0, false, Duration.ofMinutes(4)));
        assertThat(ms).extracting(m -> m.metric().name()).containsExactlyInAnyOrder("copy_gb_per_s", "scale_gb_per_s", "add_gb_per_s",
                "triad_gb_per_s");
        assertThat(ms).allSatisfy(m -> assertThat(m.values()).hasSize(2).allSatisfy(v -> assertThat(v).isPositive()));
    }

    @Test
    void bridgedVmGetsAnAddressAndReachesTheHost() throws Exception {
        String gateway = NetworkConfig.defaults(VmItSupport.STATE).gateway();
        InstanceSpec spec = InstanceSpec.of(Command.exec("sh", "-c", "ip -4 -o addr show eth0; ping -c 1 -W 5 " + gateway + " && echo REACHED"))
                .network(NetworkMode.bridge()).cpus(1).memoryBytes(768L << 20).timeout(Duration.ofMinutes(2)).build();
        List<String> text;
        List<PhaseMark> phases;
        try (Instance vm = sandbox.launch(spec)) {
            assertThat(vm.waitForExit(Duration.ofMinutes(2))).as(String.join("\n", lines(vm))).isZero();
            assertThat(vm.address()).isPresent();
            text = lines(vm);
            assertThat(text).anyMatch(l -> l.contains("inet " + vm.address().get().getHostAddress() + "/"));
            phases = vm.phases();
        }
        assertThat(text).contains("REACHED");
        assertThat(phases).extracting(PhaseMark::name).startsWith("launch_requested", "domain_create").contains("exited");
        assertThat(phases).isSortedAccordingTo(java.util.Comparator.comparingLong(PhaseMark::nanos));
    }

    @Test
    void refusesHostNetworkingBeforeBooting() {
        assertThatThrownBy(() -> sandbox.launch(InstanceSpec.of(Command.exec("true")).network(NetworkMode.host()).build()))
                .isInstanceOf(SandboxException.Unsupported.class);
    }

    private static List<String> lines(Instance i) {
        return i.lines().stream().map(ConsoleLine::text).toList();
    }

    private static double value(List<Measurement> ms, String metric) {
        return ms.stream().filter(m -> m.metric().name().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " in " + ms.stream().map(m -> m.metric().name()).toList()))
                .values().get(0);
    }
}
