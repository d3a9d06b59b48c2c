package dev.cvbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.reports.demo.SampleRuns;
import dev.cvbench.reports.stats.Analysis;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the Markdown report of the seeded demo run under several locales. To accept an intended
 * change, run with {@code -Dcvbench.golden.update=true} and review the diff of {@code golden/report.md}.
 */
class MarkdownGoldenTest {
    private static final String GOLDEN = "golden/report.md";
    private final Locale saved = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-SA-u-nu-arab", "hi-IN-u-nu-deva"})
    void markdownIsByteIdenticalToGolden(String tag) throws Exception {
        Locale.setDefault(Locale.forLanguageTag(tag));
        String md = ReportRenderers.of(ReportFormat.MARKDOWN).render(Analysis.complete(SampleRuns.demo(42)));
        if (Boolean.getBoolean("cvbench.golden.update")) {
            Path source = Paths.get("src/test/resources", GOLDEN);
            Files.createDirectories(source.getParent());
            Files.writeString(source, md);
        }
        assertThat(md).isEqualTo(golden());
    }

    @Test
    void tableCellsCannotBreakTheTable() {
        assertThat(MarkdownRenderer.cell("a|b\nc <x>")).isEqualTo("a\\|b c &lt;x&gt;");
        assertThat(MarkdownRenderer.cell("  ")).isEqualTo("–");
    }

    private static String golden() throws IOException {
        try (InputStream in = MarkdownGoldenTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN + " (create with -Dcvbench.golden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
