package dev.cvbench.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireParserTest {
    private static ConsoleLine line(String text) {
        return new ConsoleLine(0, text);
    }

    @Test
    void ordinaryLinesAreLog() {
        assertThat(WireParser.parse(line("[    0.123] Linux version 6.1"))).isEmpty();
        assertThat(WireParser.parse(line("CVBENCH"))).isEmpty();
    }

    @Test
    void findsThePrefixAfterConsoleNoise() {
        AgentMessage m = WireParser.parse(line("[  1.5] random: crng init done CVBENCH {\"type\":\"ready\"}")).orElseThrow();
        assertThat(m.is(WireFormat.READY)).isTrue();
    }

    @Test
    void garbledLineIsAnErrorThatQuotesIt() {
        assertThatThrownBy(() -> WireParser.parse(line("CVBENCH {\"type\":\"sample\",\"value\":")))
                .isInstanceOf(WireException.class).hasMessageContaining("garbled agent line").hasMessageContaining("\"value\":");
    }

    @Test
    void objectWithoutTypeIsAnError() {
        assertThatThrownBy(() -> WireParser.parse(line("CVBENCH {\"value\":1}"))).isInstanceOf(WireException.class)
                .hasMessageContaining("\"type\"");
        assertThatThrownBy(() -> WireParser.parse(line("CVBENCH [1,2]"))).isInstanceOf(WireException.class);
    }

    @Test
    void parseAllKeepsOrderAndSkipsLog() {
        List<AgentMessage> all = WireParser.parseAll(List.of(line("hello"), line("CVBENCH {\"type\":\"ready\"}"),
                line("CVBENCH {\"type\":\"result\"}")));
        assertThat(all).extracting(AgentMessage::type).containsExactly("ready", "result");
    }

    @Test
    void numberFieldMustBeANumber() {
        AgentMessage m = WireParser.parse(line("CVBENCH {\"type\":\"sample\",\"value\":\"fast\"}")).orElseThrow();
        assertThatThrownBy(() -> m.number("value")).isInstanceOf(WireException.class).hasMessageContaining("value");
    }
}
