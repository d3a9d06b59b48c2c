package dev.cvbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.reports.UnknownFormatException;
import dev.cvbench.reports.demo.SampleRuns;
import dev.cvbench.reports.stats.Analysis;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReportFormatTest {
    @Test
    void parsesNamesAndExtensions() throws Exception {
        assertThat(ReportFormat.fromId("HTML")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.fromId(" markdown ")).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(ReportFormat.fromId("md")).isEqualTo(ReportFormat.MARKDOWN);
    }

    @Test
    void unknownNameSaysWhatIsKnown() {
        assertThatThrownBy(() -> ReportFormat.fromId("docx"))
                .isInstanceOf(UnknownFormatException.class)
                .hasMessage("unknown report format 'docx' (known: html, markdown)");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void everyFormatHasARendererThatWritesAFile(ReportFormat format, @TempDir Path dir) throws Exception {
        ReportRenderer renderer = ReportRenderers.of(format);
        assertThat(renderer.format()).isEqualTo(format);
        Path file = dir.resolve("out/report." + format.extension());
        renderer.write(Analysis.complete(SampleRuns.demo(1)), file);
        assertThat(Files.readString(file)).contains("boot_time_ms").contains("20261127T234512Z");
    }

    @Test
    void writingWhereAFileIsInTheWayFailsWithTheFileInTheMessage(@TempDir Path dir) throws Exception {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a directory");
        Path target = blocker.resolve("report.md");
        assertThatThrownBy(() -> ReportRenderers.of(ReportFormat.MARKDOWN).write(SampleRuns.demo(1), target))
                .isInstanceOf(dev.cvbench.reports.ReportWriteException.class)
                .hasMessageStartingWith("cannot write report " + target);
    }
}
