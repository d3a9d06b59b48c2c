package dev.cvbench.harness.sandbox.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.network.NetworkConfig;
import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.Series;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.Volume;
import dev.cvbench.harness.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The container sandbox through the library: phases, output, sharing, footprint, cleanup after SIGKILL, a real run. */
class ContainerSandboxIT {
    static final Path CACHE = Path.of("/var/tmp/cvbench-it-cache");
    private static Path state;
    private static String bridge;
    private static NetworkConfig net;
    private static ContainerSandbox sandbox;

    @TempDir
    Path tmp;

    @BeforeAll
    static void open() throws Exception {
        Assumptions.assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
                "skipped: the container sandbox needs root (namespaces, cgroups, bridges)");
        int n = ThreadLocalRandom.current().nextInt(0x1000, 0xffff);
        state = Files.createTempDirectory(Path.of("/tmp"), "cvsb");
        bridge = "cvbs" + Integer.toHexString(n);
        net = NetworkConfig.builder(state).bridgeName(bridge).subnet("10.215." + (n % 250 + 1) + ".0/24").build();
        sandbox = new ContainerSandbox(state, CACHE, line -> {}, Optional.of(net));
        Assumptions.assumeTrue(sandbox.availability().available(), () -> "skipped: " + sandbox.availability().reason());
    }

    @AfterAll
    static void close() throws Exception {
        if (sandbox != null) {
            sandbox.close();
            new ProcessBuilder("ip", "link", "del", bridge).start().waitFor();
            try (Stream<Path> s = Files.walk(state)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void phasesOutputAndExitStatus() throws Exception {
        try (Instance i = sandbox.launch(InstanceSpec.of(Command.exec("sh", "-c", "echo out; echo err >&2; exit 3")).build())) {
            assertThat(i.waitForExit(Duration.ofSeconds(30))).isEqualTo(3);
            assertThat(i.lines()).extracting(ConsoleLine::text).containsExactlyInAnyOrder("out", "err");
            assertThat(i.phases()).extracting(PhaseMark::name).containsExactly(PhaseMark.LAUNCH_REQUESTED, ContainerInstance.CREATED,
                    PhaseMark.PROCESS_STARTED, PhaseMark.FIRST_OUTPUT, PhaseMark.EXITED);
        }
        assertThat(sandbox.facts()).containsOnlyKeys("runtime", "runtime_version").containsEntry("runtime", "cvbench");
    }

    @Test
    void sharedNetworkVolumesFromAddressAndFootprint() throws Exception {
        try (Instance app = sandbox.launch(InstanceSpec.of(Command.exec("sh", "-c", "echo shared > /data/f; echo up; exec nc -l -p 8080"))
                .network(NetworkMode.bridge()).volume(Volume.named("appdata", "/data")).memoryBytes(64L << 20).build())) {
            app.waitFor(Pattern.compile("up"), Duration.ofSeconds(30));
            assertThat(app.address()).hasValueSatisfying(a -> assertThat(net.subnet().contains(a.getHostAddress())).isTrue());
            Footprint f = app.memoryFootprint();
            assertThat(f.cgroupUsageBytes()).isPositive();
            assertThat(f.pssBytes()).isPositive();
            try (Instance debug = sandbox.launch(InstanceSpec.of(Command.exec("sh", "-c", "cat /data/f; netstat -tln"))
                    .network(NetworkMode.sharedWith(app)).volume(Volume.from(app)).build())) {
                assertThat(debug.waitForExit(Duration.ofSeconds(30))).isZero();
                assertThat(debug.lines()).extracting(ConsoleLine::text).contains("shared").anyMatch(l -> l.contains(":8080"));
                assertThat(debug.address()).isEqualTo(app.address());
            }
        }
    }

    @Test
    void cleanerRemovesWhatASigkilledOwnerLeft() throws Exception {
        List<String> argv = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OrphanMaker.class.getName(), state.toString(), CACHE.toString(), bridge,
                net.subnet().toString());
        Process owner = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String line = new String(owner.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
        assertThat(line).as("the owner launched its container").isEqualTo("READY\n");
        owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        List<String> removed = new ContainerCleaner(state).clean();
        assertThat(removed).containsExactly("removed container orphan");
        assertThat(state.resolve("orphan")).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/self/mountinfo"))).doesNotContain(state.resolve("orphan").toString());
        try (Stream<Path> s = Files.list(state.resolve("cni/attachments"))) {
            assertThat(s).isEmpty();
        }
        try (Stream<Path> s = Files.list(state.resolve("cni/networks/cvbench"))) {
            assertThat(s.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith("last_reserved") || n.equals("lock"));
        }
        try (Stream<Path> s = Files.list(Path.of("/sys/class/net", bridge, "brif"))) {
            assertThat(s).as("no veth left on the bridge").isEmpty();
        }
        try (Stream<Path> s = Files.list(Path.of("/sys/fs/cgroup/memory/cvbench"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("orphan-"));
        }
    }

    @Test
    void aRunComparesContainerWithHost() throws Exception {
        Path out = tmp.resolve("results");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", "--runtimes", "host,container", "--workloads",
                "boot,memory-bandwidth", "--repetitions", "1", "--out", out.toString(), "--state-dir", state.toString(),
                "--cache-dir", CACHE.toString()));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        RunResult result = ResultFile.read(runDir.resolve("results.json"));
        List<Series> container = result.results().stream().filter(s -> s.sandbox().equals("container")).toList();
        assertThat(container).extracting(s -> s.metric().name()).contains("boot_time_ms", "triad_gb_per_s");
        assertThat(container).filteredOn(s -> s.metric().name().equals("boot_time_ms") || s.metric().name().equals("triad_gb_per_s"))
                .allSatisfy(s -> assertThat(s.ratioToHost()).as(s.metric().name() + " has a ratio to host").isNotNull());
    }

    /** Launches one long-running container and waits to be SIGKILLed (the leftover the cleaner must remove). */
    public static final class OrphanMaker {
        public static void main(String[] args) throws Exception {
            NetworkConfig cfg = NetworkConfig.builder(Path.of(args[0])).bridgeName(args[2]).subnet(args[3]).build();
            ContainerSandbox s = new ContainerSandbox(Path.of(args[0]), Path.of(args[1]), l -> {}, Optional.of(cfg));
            s.launch(InstanceSpec.of(Command.exec("sleep", "600")).name("orphan").network(NetworkMode.bridge()).build());
            System.out.print("READY\n");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

}
