package dev.cvbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.wire.AgentWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AgentWriter out = new AgentWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    @Test
    void unknownWorkloadIsAUsageErrorListingTheKnownOnes() {
        assertThat(Agent.run(List.of("fly"), out)).isEqualTo(2);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("\"type\":\"error\"").contains("got 'fly'").contains("boot, memory-bandwidth");
    }

    @Test
    void bootPrintsReadyThenResult() {
        assertThat(Agent.run(List.of("boot"), out)).isZero();
        String s = bytes.toString(StandardCharsets.UTF_8);
        assertThat(s.indexOf("\"type\":\"ready\"")).isLessThan(s.indexOf("\"type\":\"result\""));
    }

    @Test
    void optionsArePairs() {
        assertThat(Agent.options(List.of("--a", "1", "--b", "x"))).containsEntry("a", "1").containsEntry("b", "x");
        assertThatThrownBy(() -> Agent.options(List.of("--a"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Agent.options(List.of("a", "1"))).hasMessageContaining("expected --key value");
    }

    @Test
    void badOptionValueBecomesAnErrorLineAndStatus1() {
        assertThat(Agent.run(List.of("memory-bandwidth", "--iterations", "many"), out)).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--iterations must be an integer");
    }
}
