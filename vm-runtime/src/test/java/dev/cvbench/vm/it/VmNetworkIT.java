package dev.cvbench.vm.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.vm.Vm;
import dev.cvbench.vm.VmRuntime;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.spec.GuestAddress;
import dev.cvbench.vm.spec.VmNetwork;
import dev.cvbench.vm.spec.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A guest on a bridge this test creates ({@code cvbt-vm}, 10.199.77.1/24, removed afterwards): the virtio
 * modules load in order, /init configures eth0 from {@code cvbench.ip=}, and the guest reaches the host.
 */
@Timeout(300)
class VmNetworkIT {
    private static final String BRIDGE = "cvbt-vm";
    private static Path state;
    private static boolean bridgeCreated;

    @BeforeAll
    static void setUp() throws Exception {
        TestGuest.assumeMachine();
        assumeTrue(!Files.exists(Path.of("/sys/class/net", BRIDGE)), "skipped: " + BRIDGE + " already exists");
        ip("link", "add", BRIDGE, "type", "bridge");
        bridgeCreated = true;
        ip("addr", "add", "10.199.77.1/24", "dev", BRIDGE);
        ip("link", "set", BRIDGE, "up");
        state = TestGuest.stateDir();
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (bridgeCreated) {
            ip("link", "del", BRIDGE);
        }
    }

    @Test
    void guestOnTheBridgeGetsItsAddressAndPingsTheHost() throws Exception {
        GuestImage image = TestGuest.image();
        VmSpec spec = VmSpec.builder().name("it-net").kernel(image.kernel()).initramfs(image.initramfs())
                .network(new VmNetwork.Bridge(BRIDGE, Optional.empty(),
                        Optional.of(GuestAddress.parse("10.199.77.2/24,10.199.77.1"))))
                .argv(List.of("sh", "-c", "ip -4 addr show eth0; ping -c 1 -W 10 10.199.77.1")).build();
        try (VmRuntime rt = VmRuntime.open(null, state); Vm vm = rt.boot(spec)) {
            int status = vm.awaitExit(Duration.ofSeconds(180));
            vm.lines().forEach(l -> System.out.println("  guest: " + l.text()));
            assertThat(vm.lines()).extracting(ConsoleLine::text).anyMatch(t -> t.contains("inet 10.199.77.2/24"))
                    .noneMatch(t -> t.contains("insmod") && t.contains("failed"));
            assertThat(status).isZero();
            assertThat(vm.address()).map(a -> a.getHostAddress()).contains("10.199.77.2");
        }
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("failed: " + String.join(" ", cmd));
        }
    }
}
