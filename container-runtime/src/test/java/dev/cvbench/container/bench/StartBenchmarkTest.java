package dev.cvbench.container.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start benchmark's statistics and table, from fixed samples (nothing is started). */
class StartBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void nearestRankPercentiles() {
        double[] v = {50, 10, 40, 20, 30};
        assertThat(StartBenchmark.percentile(v, 50)).isEqualTo(30);
        assertThat(StartBenchmark.percentile(v, 90)).isEqualTo(50);
        assertThat(StartBenchmark.percentile(v, 0)).isEqualTo(10);
        assertThat(v).containsExactly(50, 10, 40, 20, 30); // input left as it was
    }

    @Test
    void tableHasRatiosToRuncAndSkippedReasons() {
        Map<String, double[]> samples = new LinkedHashMap<>();
        samples.put(StartBenchmark.LIBRARY, new double[] {36, 40, 44});
        samples.put(StartBenchmark.RUNC, new double[] {40, 50, 60});
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY); // a decimal comma must not leak into the table
        try {
            String out = StartBenchmark.format(new StartBenchmark.Result(3, samples, Map.of(StartBenchmark.CRUN, "no hugetlb")));
            assertThat(out).isEqualTo("""
                    start /bin/true in a busybox bundle, N=3, create+start+exit+delete
                    runtime          p50 ms     p90 ms     p50 / runc
                    library            40.0       44.0           0.80
                    runc run           50.0       60.0           1.00
                    crun run     skipped: no hugetlb
                    """.replace("\n", System.lineSeparator()));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void withoutRuncTheRatioIsNotAvailable() {
        String out = StartBenchmark.format(new StartBenchmark.Result(1, Map.of(StartBenchmark.LIBRARY, new double[] {12.34}), Map.of()));
        assertThat(out).contains("library            12.3       12.3            n/a");
    }

    @Test
    void cvrunThatIsNotExecutableIsSkippedWithThePath() throws Exception {
        Path script = Files.writeString(dir.resolve("cvrun"), "#!/bin/sh\n");
        assertThat(StartBenchmark.Cvrun.at(script).reason()).hasValueSatisfying(r -> assertThat(r).contains(script.toString()).contains("not an executable"));
        script.toFile().setExecutable(true);
        assertThat(StartBenchmark.Cvrun.at(script).path()).contains(script);
        assertThat(StartBenchmark.Cvrun.skipped("why").reason()).contains("why");
    }

    @Test
    void bundleRunsTrueFromBusybox() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(Path.of("/bin/busybox")), "skipped: no /bin/busybox (apt-get install busybox-static)");
        Path bundle = StartBenchmark.bundle(dir.resolve("b"));
        assertThat(bundle.resolve("rootfs/bin/busybox")).isRegularFile();
        assertThat(Files.readSymbolicLink(bundle.resolve("rootfs/bin/true"))).isEqualTo(Path.of("busybox"));
        assertThat(Files.readString(bundle.resolve("config.json"))).contains("/bin/true").contains("\"rootfs\"");
    }
}
