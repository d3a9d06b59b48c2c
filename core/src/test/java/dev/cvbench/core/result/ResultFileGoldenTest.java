package dev.cvbench.core.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seals the result-file format: the JSON of a seeded run must be byte-identical to
 * {@code golden/results-v1.json} under every default locale, including ones with a decimal comma and
 * ones with native digits. To accept an intended change, run with {@code -Dcvbench.golden.update=true}
 * and review the diff of the golden file.
 */
class ResultFileGoldenTest {
    private static final String GOLDEN = "golden/results-v1.json";
    /** A number with a decimal comma, as a comma-locale formatter would write it into a JSON value. */
    private static final Pattern DECIMAL_COMMA = Pattern.compile(":\\s*-?\\d+,\\d");

    private Locale saved;

    @BeforeEach
    void saveLocale() {
        saved = Locale.getDefault();
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR", "ar-SA-u-nu-arab", "hi-IN-u-nu-deva", "th-TH-u-nu-thai"})
    void jsonIsByteIdenticalToGoldenUnderEveryLocale(String tag) throws IOException {
        Locale locale = Locale.forLanguageTag(tag);
        Locale.setDefault(locale);
        String json = ResultFile.toJson(GoldenRun.build());
        updateGoldenIfAsked(json);
        assertThat(json).isEqualTo(golden());
        assertThat(json).doesNotContainPattern(DECIMAL_COMMA);
        assertThat(json).matches("[\\x00-\\x7F]*").as("only ASCII digits and text");
    }

    @Test
    void theLocalesReallyFormatNumbersDifferently() {
        // guards the test above: if the JDK formatted these like en-US, it would prove nothing
        assertThat(String.format(Locale.GERMANY, "%.1f", 1.5)).isEqualTo("1,5");
        assertThat(String.format(Locale.FRANCE, "%.1f", 1.5)).isEqualTo("1,5");
        assertThat(String.format(Locale.forLanguageTag("hi-IN-u-nu-deva"), "%d", 7)).isEqualTo("\u096d");
        assertThat(String.format(Locale.forLanguageTag("ar-SA-u-nu-arab"), "%d", 7)).isEqualTo("\u0667");
    }

    @Test
    void roundTripReadsBackAnEqualResult(@TempDir Path dir) throws IOException {
        RunResult original = GoldenRun.build();
        Path file = dir.resolve("run/results.json");
        ResultFile.write(original, file);
        assertThat(ResultFile.read(file)).isEqualTo(original);
        assertThat(Files.readString(file)).isEqualTo(golden());
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).as("no temp files left").containsExactly(file);
        }
    }

    @Test
    void readingAnUnknownSchemaFailsWithAClearMessage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("future.json");
        Files.writeString(file, golden().replace(RunResult.SCHEMA, "cvbench/results/v99"));
        assertThatThrownBy(() -> ResultFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("unsupported schema 'cvbench/results/v99'")
                .hasMessageContaining(RunResult.SCHEMA);
    }

    @Test
    void readingSomethingElseFailsWithAClearMessage(@TempDir Path dir) throws IOException {
        Path notJson = dir.resolve("notes.txt");
        Files.writeString(notJson, "hello, not json");
        assertThatThrownBy(() -> ResultFile.read(notJson)).hasMessageContaining("not a cvbench result file");
        Path otherJson = dir.resolve("package.json");
        Files.writeString(otherJson, "{\"name\": \"x\"}");
        assertThatThrownBy(() -> ResultFile.read(otherJson)).hasMessageContaining("unsupported schema ''");
    }

    private static String golden() throws IOException {
        try (InputStream in = ResultFileGoldenTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN + " (create with -Dcvbench.golden.update=true)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void updateGoldenIfAsked(String json) throws IOException {
        if (Boolean.getBoolean("cvbench.golden.update")) {
            Path source = Paths.get("src/test/resources", GOLDEN);
            Files.createDirectories(source.getParent());
            Files.writeString(source, json);
        }
    }
}
