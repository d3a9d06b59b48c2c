package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.network.Attachment;
import dev.cvbench.container.network.CniNetwork;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The vm sandbox with real TCG (or KVM) guests through libvirt's embedded driver: one sandbox for the class,
 * three boots (boot workload, a small STREAM run, a bridged guest talking to the host and to a CNI-attached namespace).
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

    /**
     * A VM on the bridge gets its address, reaches the host's bridge address, and reaches (and is reached by) a
     * network namespace attached to the same bridge through the CNI plugins, as a container's is.
     */
    @Test
    void bridgedVmReachesTheHostAndAContainerNamespace() throws Exception {
        NetworkConfig config = NetworkConfig.defaults(VmItSupport.STATE);
        CniNetwork net = new CniNetwork(config);
        String ns = "cvbit" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        try {
            Attachment peer = net.attach(ns, Path.of("/run/netns", ns));
            String peerIp = peer.ip().address();
            String script = "ip -4 -o addr show eth0; ping -c 1 -W 5 " + config.gateway() + " && echo REACHED-HOST; ping -c 1 -W 5 " + peerIp
                    + " && echo REACHED-PEER; sleep 4";
            InstanceSpec spec = InstanceSpec.of(Command.exec("sh", "-c", script))
                    .network(NetworkMode.bridge()).cpus(1).memoryBytes(768L << 20).timeout(Duration.ofMinutes(2)).build();
            List<String> text;
            List<PhaseMark> phases;
            try (Instance vm = sandbox.launch(spec)) {
                assertThat(vm.address()).isPresent();
                String vmIp = vm.address().get().getHostAddress();
                vm.waitFor(Pattern.compile("REACHED-PEER"), Duration.ofMinutes(1));
                assertThat(run("ip", "netns", "exec", ns, "busybox", "ping", "-c", "1", "-W", "5", vmIp)).as("namespace -> VM").isZero();
                assertThat(vm.waitForExit(Duration.ofMinutes(2))).as(String.join("\n", lines(vm))).isZero();
                text = lines(vm);
                assertThat(text).anyMatch(l -> l.contains("inet " + vmIp + "/"));
                phases = vm.phases();
            }
            assertThat(text).contains("REACHED-HOST", "REACHED-PEER");
            assertThat(phases).extracting(PhaseMark::name).startsWith("launch_requested", "domain_create").contains("exited");
            assertThat(phases).isSortedAccordingTo(Comparator.comparingLong(PhaseMark::nanos));
        } finally {
            net.detach(ns, Path.of("/run/netns", ns));
            run("ip", "netns", "del", ns);
        }
    }

    private static int run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor();
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
