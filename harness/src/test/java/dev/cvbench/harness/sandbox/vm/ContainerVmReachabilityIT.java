package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.harness.sandbox.container.ContainerSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A container and a VM on the same bridge reach each other: one L2 segment, one address pool (the CNI
 * host-local IPAM store under the shared state root), both directions, ICMP and TCP.
 */
class ContainerVmReachabilityIT {
    /** The same state root as VmSandboxIT: libvirt allows one embedded-driver root per process. */
    private static final Path STATE = VmItSupport.STATE;
    private static VmSandbox vms;
    private static ContainerSandbox containers;

    @BeforeAll
    static void open() throws Exception {
        VmItSupport.assumeVmsCanRun();
        Files.createDirectories(STATE);
        vms = VmSandbox.open(new VmSandboxConfig(STATE, VmItSupport.CACHE, Optional.empty(), KernelChoice.cloud(), line -> {}));
        containers = new ContainerSandbox(STATE, VmItSupport.CACHE, line -> {}, Optional.of(NetworkConfig.defaults(STATE)));
        Assumptions.assumeTrue(containers.availability().available(), () -> "skipped: " + containers.availability().reason());
    }

    @AfterAll
    static void close() {
        if (containers != null) {
            containers.close();
        }
        if (vms != null) {
            vms.close();
        }
    }

    @Test
    void containerAndVmOnTheBridgeReachEachOther() throws Exception {
        InstanceSpec server = InstanceSpec.of(Command.exec("sh", "-c",
                        "echo LISTENING; nc -l -p 7070 -e echo hello-from-container; sleep 60"))
                .network(NetworkMode.bridge()).timeout(Duration.ofMinutes(3)).build();
        try (Instance container = containers.launch(server)) {
            container.waitFor(Pattern.compile("LISTENING"), Duration.ofSeconds(30));
            String cip = container.address().orElseThrow().getHostAddress();
            String script = "ping -c 1 -W 10 " + cip + " && echo VM-PINGED-CONTAINER; "
                    + "nc " + cip + " 7070 </dev/null; echo TCP-DONE; "
                    + "nc -l -p 7071 -e echo hello-from-vm & sleep 20; echo VM-DONE";
            InstanceSpec client = InstanceSpec.of(Command.exec("sh", "-c", script))
                    .network(NetworkMode.bridge()).cpus(1).memoryBytes(512L << 20).timeout(Duration.ofMinutes(3)).build();
            try (Instance vm = vms.launch(client)) {
                String vip = vm.address().orElseThrow().getHostAddress();
                vm.waitFor(Pattern.compile("TCP-DONE"), Duration.ofMinutes(2));
                assertThat(vm.lines()).extracting(ConsoleLine::text).contains("VM-PINGED-CONTAINER", "hello-from-container");

                InstanceSpec probe = InstanceSpec.of(Command.exec("sh", "-c",
                                "ping -c 1 -W 10 " + vip + " && echo CONTAINER-PINGED-VM; nc " + vip + " 7071 </dev/null"))
                        .network(NetworkMode.bridge()).timeout(Duration.ofMinutes(1)).build();
                try (Instance other = containers.launch(probe)) {
                    assertThat(other.waitForExit(Duration.ofMinutes(1))).isZero();
                    assertThat(other.lines()).extracting(ConsoleLine::text).contains("CONTAINER-PINGED-VM", "hello-from-vm");
                }
                assertThat(vm.waitForExit(Duration.ofMinutes(1))).isZero();
            }
        }
    }
}
