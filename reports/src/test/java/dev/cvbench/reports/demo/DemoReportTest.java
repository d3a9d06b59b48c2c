package dev.cvbench.reports.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes the demo report to {@code target/demo/report.html} on every build, for people to look at. */
class DemoReportTest {
    @Test
    void writesTheDemoReport() throws Exception {
        Path dir = Path.of("target/demo");
        RunResult result = DemoReport.write(dir);
        assertThat(result.results()).allSatisfy(s -> assertThat(s.summary()).isNotNull());
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg");
    }
}
