package dev.cvbench.harness.cli.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerInfo;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.harness.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs {@code cvbench container ...} in its own JVM against a private root, bridge and subnet (so parallel
 * runs and the real {@code cvbench0} are untouched), and removes all of it afterwards.
 */
final class ContainerCliFixture implements AutoCloseable {
    static final Path CACHE = Path.of("/var/tmp/cvbench-it-cache");

    record Result(int exit, String out) {}

    final Path root;
    final String bridge;
    final String subnetPrefix;

    private ContainerCliFixture(Path root, String bridge, String subnetPrefix) {
        this.root = root;
        this.bridge = bridge;
        this.subnetPrefix = subnetPrefix;
    }

    /** Skips (with the reason) where containers cannot run: not root, no CNI plugins. */
    static ContainerCliFixture create() throws IOException {
        Assumptions.assumeTrue(uid() == 0, "skipped: container integration tests need root (namespaces, cgroups, bridges)");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/lib/cni/bridge")),
                "skipped: CNI plugins missing (apt-get install containernetworking-plugins)");
        int n = ThreadLocalRandom.current().nextInt(0x1000, 0xffff);
        Path root = Files.createTempDirectory(Path.of("/tmp"), "cvc");
        return new ContainerCliFixture(root, "cvbt" + Integer.toHexString(n), "10.214." + (n % 250 + 1));
    }

    static long uid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            return -1;
        }
    }

    String gateway() {
        return subnetPrefix + ".1";
    }

    /** {@code cvbench container --root R --bridge B --subnet S --cache-dir C args...} */
    Result run(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "container", "--root", root.toString(), "--bridge", bridge, "--subnet", subnetPrefix + ".0/24",
                "--cache-dir", CACHE.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("cvbench container " + String.join(" ", args)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** Runs and asserts exit 0; returns the output. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = run(args);
        assertThat(r.exit()).as("cvbench container " + String.join(" ", args) + "\n" + r.out()).isZero();
        return r.out();
    }

    /** Polls {@code logs ID} until it matches (a wait strategy, not a sleep). */
    String awaitLogs(String id, Predicate<String> done, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String out = "";
        while (System.nanoTime() < deadline) {
            out = runtime().logFile(id).toFile().exists() ? Files.readString(runtime().logFile(id)) : "";
            if (done.test(out)) {
                return out;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("logs of " + id + " never matched; last: " + out);
    }

    ContainerRuntime runtime() {
        try {
            return ContainerRuntime.at(root);
        } catch (ContainerException e) {
            throw new IllegalStateException(e);
        }
    }

    String address(String id) throws ContainerException {
        return runtime().info(id).address().orElseThrow();
    }

    /** Every container force-removed, the bridge deleted, the root gone. */
    @Override
    public void close() throws Exception {
        ContainerRuntime rt = runtime();
        for (ContainerInfo i : rt.list()) {
            rt.delete(i.id(), true);
        }
        new ProcessBuilder("ip", "link", "del", bridge).redirectErrorStream(true).start().waitFor();
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
