package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real plugins on real network namespaces: each test gets its own bridge ({@code cvbt<hex>}),
 * its own subnet inside 10.213.0.0/16 (never the default one), its own state dir and its own
 * namespaces, and removes all of them afterwards. Needs root, iproute2, the Debian CNI plugins and
 * busybox (for ping); skips with the reason otherwise.
 */
class CniNetworkIT {
    private static final Path CNI_BIN = NetworkConfig.DEFAULT_CNI_BIN_DIR;
    private static String busybox;
    private static String savedIpForward;

    @TempDir
    Path state;

    private final List<String> namespaces = new ArrayList<>();
    private CniNetwork net;
    private String prefix;

    @BeforeAll
    static void requireMachine() throws IOException {
        assumeMachine(isRoot(), "integration tests need root (namespaces, bridges, veths)");
        assumeMachine(Files.isExecutable(CNI_BIN.resolve("bridge")) && Files.isExecutable(CNI_BIN.resolve("host-local"))
                && Files.isExecutable(CNI_BIN.resolve("loopback")),
                CNI_BIN + "/{bridge,host-local,loopback} missing: install containernetworking-plugins");
        busybox = Stream.of("/usr/bin/busybox", "/bin/busybox").filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst().orElse(null);
        assumeMachine(busybox != null, "busybox (for ping) not installed");
        savedIpForward = Files.readString(Path.of("/proc/sys/net/ipv4/ip_forward")).strip();
    }

    @AfterAll
    static void restoreForwarding() throws IOException {
        if (savedIpForward != null) {
            Files.writeString(Path.of("/proc/sys/net/ipv4/ip_forward"), savedIpForward);  // bridge isGateway sets it
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        prefix = "cvbt" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        int third = ThreadLocalRandom.current().nextInt(100, 250);
        NetworkConfig config = NetworkConfig.builder(state).bridgeName(prefix).networkName(prefix)
                .subnet("10.213." + third + ".0/24").build();
        net = new CniNetwork(config);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (String ns : namespaces) {
                sh("ip", "netns", "del", ns);
            }
            net.cleanupStale(Set.of());
        } finally {
            net.removeBridge();
        }
        assertThat(Path.of("/sys/class/net", prefix)).doesNotExist();
    }

    @Test
    void containersOnTheBridgeReachEachOtherAndTheHost() throws Exception {
        Attachment a = net.attach("a", netns("a"), "eth0");
        Attachment b = net.attach("b", netns("b"), "eth0");

        assertThat(a.ip().address()).isNotEqualTo(b.ip().address());
        assertThat(net.config().subnet().contains(a.ip().address())).isTrue();
        assertThat(a.ip().gateway()).isEqualTo(net.config().gateway());
        assertThat(a.hostVeth()).isPresent();
        assertThat(Path.of("/sys/class/net", a.hostVeth().get(), "master").toRealPath().getFileName())
                .hasToString(prefix);
        assertThat(inNetns("a", "ip", "-o", "link", "show", "eth0").stdout()).contains(a.mac());

        assertPing(nsName("a"), b.ip().address());
        assertPing(nsName("b"), a.ip().address());
        assertPing(nsName("a"), a.ip().gateway());
        assertPing(null, a.ip().address());
        net.check("a");
    }

    @Test
    void detachReleasesTheLeaseAndRemovesTheVeth() throws Exception {
        Attachment a = net.attach("a", netns("a"), "eth0");
        net.detach("a", netns("a"));

        assertThat(leaseFor(a.ip().address())).doesNotExist();
        assertThat(Path.of("/sys/class/net", a.hostVeth().orElseThrow())).doesNotExist();
        assertThat(inNetns("a", "ip", "link", "show", "eth0").ok()).isFalse();
        assertThat(net.attachment("a")).isEmpty();
        net.detach("a", netns("a"));
    }

    @Test
    void detachAfterTheNetnsWasDeletedStillCleansUp() throws Exception {
        Attachment a = net.attach("a", netns("a"), "eth0");
        assertThat(leaseFor(a.ip().address())).exists();
        sh("ip", "netns", "del", nsName("a"));

        net.detach("a", netns("a"));

        assertThat(leaseFor(a.ip().address())).doesNotExist();
        assertThat(Path.of("/sys/class/net", a.hostVeth().orElseThrow())).doesNotExist();
    }

    @Test
    void vmAddressesShareThePoolWithContainersOnAnExistingBridge() throws Exception {
        net.ensureBridge();
        net.ensureBridge();
        assertThat(sh("ip", "-4", "-o", "addr", "show", "dev", prefix).stdout()).contains(net.config().gatewayCidr());
        assertThat(sh("ip", "-o", "link", "show", "dev", prefix).stdout()).contains(",UP");

        IpAssignment vm = net.allocateAddress("vm-one");
        assertThat(net.allocateAddress("vm-one")).isEqualTo(vm);
        assertThat(vm.prefixLength()).isEqualTo(24);
        assertThat(vm.gateway()).isEqualTo(net.config().gateway());
        assertThat(leaseFor(vm.address())).exists();

        Attachment a = net.attach("a", netns("a"), "eth0");
        assertThat(a.ip().address()).isNotEqualTo(vm.address());
        assertPing(nsName("a"), net.config().gateway());

        net.releaseAddress("vm-one");
        assertThat(leaseFor(vm.address())).doesNotExist();
        net.releaseAddress("vm-one");
    }

    @Test
    void cleanupStaleRemovesDeadOwnersOnly() throws Exception {
        Attachment live = net.attach("live", netns("live"), "eth0");
        Attachment dead = net.attach("dead", netns("dead"), "eth0");
        IpAssignment deadVm = net.allocateAddress("vm-dead");

        Set<String> removed = net.cleanupStale(Set.of("live"));

        assertThat(removed).containsExactly("dead", "vm-dead");
        assertThat(leaseFor(dead.ip().address())).doesNotExist();
        assertThat(leaseFor(deadVm.address())).doesNotExist();
        assertThat(Path.of("/sys/class/net", dead.hostVeth().orElseThrow())).doesNotExist();
        assertThat(leaseFor(live.ip().address())).exists();
        assertPing(null, live.ip().address());
    }

    @Test
    void loopbackOnlyNetnsHasOnlyLoUp() throws Exception {
        net.attachLoopbackOnly("quiet", netns("quiet"));
        String links = inNetns("quiet", "ip", "-o", "link").stdout();
        assertThat(links.lines()).singleElement().asString().contains("lo:").contains("UP");
        assertPing(nsName("quiet"), "127.0.0.1");
        net.detach("quiet", netns("quiet"));
    }

    private Path netns(String name) throws Exception {
        String ns = nsName(name);
        Path path = Path.of("/run/netns", ns);
        if (!namespaces.contains(ns)) {
            Processes.Output out = sh("ip", "netns", "add", ns);
            assertThat(out.ok()).as("ip netns add %s: %s", ns, out.stderr()).isTrue();
            namespaces.add(ns);
        }
        return path;
    }

    private String nsName(String name) {
        return prefix + "-" + name;
    }

    private Path leaseFor(String address) {
        return net.config().ipamDataDir().resolve(net.config().networkName()).resolve(address);
    }

    private Processes.Output inNetns(String name, String... command) throws IOException {
        List<String> args = new ArrayList<>(List.of("ip", "netns", "exec", nsName(name)));
        args.addAll(List.of(command));
        return sh(args.toArray(String[]::new));
    }

    private static void assertPing(String netns, String address) throws IOException {
        List<String> args = new ArrayList<>();
        if (netns != null) {
            args.addAll(List.of("ip", "netns", "exec", netns));
        }
        args.addAll(List.of(busybox, "ping", "-c1", "-W2", address));
        Processes.Output out = sh(args.toArray(String[]::new));
        assertThat(out.ok()).as("ping %s from %s: %s %s", address, Optional.ofNullable(netns).orElse("host"),
                out.stdout(), out.stderr()).isTrue();
    }

    private static Processes.Output sh(String... command) throws IOException {
        return Processes.run(List.of(command), Map.of(), null, Duration.ofSeconds(20));
    }

    private static boolean isRoot() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).anyMatch(l -> l.split("\\s+")[1].equals("0"));
    }

    private static void assumeMachine(boolean ok, String reason) {
        if (!ok) {
            System.out.println("SKIPPED CniNetworkIT: " + reason);
        }
        assumeTrue(ok, reason);
    }
}
