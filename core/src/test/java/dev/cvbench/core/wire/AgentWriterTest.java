package dev.cvbench.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentWriterTest {
    private static String capture(java.util.function.Consumer<AgentWriter> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.accept(new AgentWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void sampleLineIsExactlyTheWireFormat() {
        String line = capture(w -> w.sample("triad_gb_per_s", "GB/s", "higher", 3, 11.5, Map.of("kernel", "triad")));
        assertThat(line).isEqualTo("CVBENCH {\"type\":\"sample\",\"metric\":\"triad_gb_per_s\",\"unit\":\"GB/s\",\"direction\":\"higher\","
                + "\"iteration\":3,\"value\":11.5,\"tags\":{\"kernel\":\"triad\"}}" + System.lineSeparator());
    }

    @ParameterizedTest
    @ValueSource(strings = {"de-DE", "fr-FR", "ar-EG", "hi-IN", "en-US"})
    void numbersNeverUseTheDefaultLocale(String tag) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            String line = capture(w -> w.sample("x_ms", "ms", "lower", 0, 1234.5678, null));
            assertThat(line).contains("\"value\":1234.5678");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void escapesStringsSoTheParserReadsThemBack() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", "quote \" backslash \\ newline \n tab \t bell \u0007 unicode é");
        fields.put("list", List.of(1, 2.5, true));
        String line = capture(w -> w.emit("result", fields)).strip();
        AgentMessage m = WireParser.parse(new ConsoleLine(7, line)).orElseThrow();
        assertThat(m.type()).isEqualTo("result");
        assertThat(m.text("message")).isEqualTo(fields.get("message"));
        assertThat(m.body().get("list").toString()).isEqualTo("[1,2.5,true]");
        assertThat(m.arrivalNanos()).isEqualTo(7);
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertThatThrownBy(() -> AgentWriter.toJson(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgentWriter.toJson(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
