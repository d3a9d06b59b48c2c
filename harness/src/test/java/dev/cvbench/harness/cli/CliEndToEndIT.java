package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI in its own JVM, end to end, on the host sandbox: what a user gets from a run. */
class CliEndToEndIT {
    @TempDir
    Path dir;

    record Result(int exit, String out) {}

    static Result cvbench(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void hostRunWritesResultsAndReport() throws Exception {
        Path out = dir.resolve("results");
        Result r = cvbench("run", "--runtimes", "host", "--workloads", "memory-bandwidth,boot", "--repetitions", "3", "--out", out.toString());
        assertThat(r.exit()).as(r.out()).isZero();

        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        assertThat(runDir.getFileName().toString()).matches("\\d{8}T\\d{6}Z");
        Path json = runDir.resolve("results.json");
        Path html = runDir.resolve("report.html");
        assertThat(r.out()).contains("results: " + json).contains("report:  " + html);

        RunResult result = ResultFile.read(json);
        assertThat(result.schema()).isEqualTo(RunResult.SCHEMA);
        assertThat(result.environment().cores()).isPositive();
        assertThat(result.sandboxes()).singleElement().satisfies(s -> assertThat(s.available()).isTrue());
        assertThat(result.outcomes()).isEmpty();
        assertThat(result.results()).extracting(x -> x.metric().name())
                .contains("boot_time_ms", "copy_gb_per_s", "scale_gb_per_s", "add_gb_per_s", "triad_gb_per_s");
        var triad = result.results().stream().filter(x -> x.metric().name().equals("triad_gb_per_s")).findFirst().orElseThrow();
        assertThat(triad.samples()).hasSize(3 * 5); // quick suite: 5 iterations per repetition
        assertThat(triad.samples()).allSatisfy(s -> assertThat(s.value()).isPositive());
        var boot = result.results().stream().filter(x -> x.metric().name().equals("boot_time_ms")).findFirst().orElseThrow();
        assertThat(boot.samples()).hasSize(3);
        assertThat(boot.summary()).isNotNull();
        assertThat(boot.summary().median()).isBetween(1.0, 60_000.0);

        JsonNode raw = new ObjectMapper().readTree(json.toFile());
        assertThat(raw.path("results").get(0).path("metric").path("direction").asText()).isIn("higher", "lower");

        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg").contains("triad_gb_per_s").contains("boot_time_ms");
        assertThat(page).doesNotContainPattern("(src|href)=\"https?:");
    }

    @Test
    void unavailableSandboxesAreReportedNotDropped() throws Exception {
        Path out = dir.resolve("r2");
        Result r = cvbench("run", "--runtimes", "host,container,vm", "--workloads", "boot", "--repetitions", "1", "--out", out.toString());
        Path runDir;
        try (Stream<Path> s = Files.list(out)) {
            runDir = s.findFirst().orElseThrow();
        }
        RunResult result = ResultFile.read(runDir.resolve("results.json"));
        assertThat(result.sandboxes()).extracting(x -> x.kind()).containsExactly("host", "container", "vm");
        for (var s : result.sandboxes()) {
            boolean ran = result.results().stream().anyMatch(x -> x.sandbox().equals(s.kind()));
            boolean explained = result.outcomes().stream().anyMatch(o -> o.sandbox().equals(s.kind()) && !o.reason().isBlank());
            assertThat(ran || explained).as(s.kind() + " either ran or says why not: " + r.out()).isTrue();
        }
    }
}
