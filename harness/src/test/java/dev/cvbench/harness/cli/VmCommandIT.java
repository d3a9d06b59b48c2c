package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.harness.sandbox.vm.VmItSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cvbench vm run} and {@code cvbench run ... vm} in their own JVMs, as a user runs them. They use their
 * own state root: the test JVM may hold the embedded libvirt root of {@link VmItSupport#STATE}, and libvirt
 * locks a root to one process.
 */
class VmCommandIT {
    private static final String STATE = "/run/cvbench-it-vmcmd";

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void vmsCanRun() {
        VmItSupport.assumeVmsCanRun();
    }

    static Result cvbench(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LIBVIRT_LOG_OUTPUTS", "1:file:/dev/null");
        Path errFile = Files.createTempFile("cvbench-it", ".err");
        try {
            Process p = pb.redirectError(errFile.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            return new Result(p.exitValue(), out, Files.readString(errFile));
        } finally {
            Files.deleteIfExists(errFile);
        }
    }

    @Test
    void runsTheCommandStreamsItsOutputAndExitsWithItsStatus() throws Exception {
        Result r = cvbench("vm", "run", "--state-dir", STATE, "--cache-dir", VmItSupport.CACHE.toString(), "--vcpus", "1", "--",
                "sh", "-c", "echo hi; exit 3");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).isEqualTo("hi\n");
        assertThat(r.err()).contains("boot phases").containsPattern("init_started +\\d+\\.\\d ms").contains("exited");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void malformedMemoryIsOneLineAndExitTwo() throws Exception {
        Result r = cvbench("vm", "run", "--state-dir", STATE, "--memory", "12 parsecs", "--", "true");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().asString().startsWith("cvbench: --memory: '12 parsecs' is not a size");
    }

    @Test
    void runWithHostAndVmRecordsTheDomainType() throws Exception {
        Path out = dir.resolve("results");
        Result r = cvbench("run", "--runtimes", "host,vm", "--workloads", "boot", "--repetitions", "1", "--warmup", "0",
                "--state-dir", STATE, "--cache-dir", VmItSupport.CACHE.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Path json;
        try (Stream<Path> s = Files.list(out)) {
            json = s.findFirst().orElseThrow().resolve("results.json");
        }
        RunResult result = ResultFile.read(json);
        SandboxInfo vm = result.sandboxes().stream().filter(s -> s.kind().equals("vm")).findFirst().orElseThrow();
        assertThat(vm.available()).isTrue();
        assertThat(vm.facts()).containsKey("domain_type").containsKey("emulated");
        Series boot = result.results().stream().filter(s -> s.sandbox().equals("vm") && s.metric().name().equals("boot_time_ms"))
                .findFirst().orElseThrow();
        assertThat(boot.facts()).containsEntry("domain_type", vm.facts().get("domain_type"));
        assertThat(boot.samples()).singleElement().satisfies(x -> assertThat(x.value()).isPositive());
        assertThat(result.outcomes()).isEmpty();
    }
}
