package dev.cvbench.workload.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.wire.AgentMessage;
import dev.cvbench.core.wire.AgentWriter;
import dev.cvbench.core.wire.WireParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamAgentTest {
    @Test
    void smallRunReportsEveryKernelEveryIterationAndVerifies() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new StreamAgent().run(Map.of("array-mb", "2", "iterations", "3", "threads", "3"),
                new AgentWriter(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        List<AgentMessage> msgs = WireParser.parseAll(bytes.toString(StandardCharsets.UTF_8).lines()
                .map(l -> new ConsoleLine(0, l)).toList());
        assertThat(msgs.get(0).type()).isEqualTo("ready");
        assertThat(msgs.get(0).body().get("elements").asInt()).isEqualTo(2 * 1024 * 1024 / 8);
        List<AgentMessage> samples = msgs.stream().filter(m -> m.is("sample")).toList();
        assertThat(samples).hasSize(4 * 3);
        assertThat(samples).extracting(m -> m.text("metric")).containsOnly("copy_gb_per_s", "scale_gb_per_s", "add_gb_per_s", "triad_gb_per_s");
        assertThat(samples).allSatisfy(m -> assertThat(m.number("value")).isPositive());
        assertThat(msgs.get(msgs.size() - 1).body().get("verified").asBoolean()).isTrue();
    }

    @Test
    void verificationCatchesAWrongElement() {
        int n = 10_000;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        try (StreamTeam team = new StreamTeam(a, b, c, StreamAgent.SCALAR, 2)) {
            team.time(-1);
            for (int k = 0; k < 4; k++) {
                team.time(k);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        StreamAgent.verify(a, b, c, 1);
        c[0] += 1;
        assertThatThrownBy(() -> StreamAgent.verify(a, b, c, 1)).hasMessageContaining("c[0]");
    }

    @Test
    void slicesCoverTheArrayExactlyOnce() {
        for (int threads = 1; threads <= 7; threads++) {
            assertThat(StreamTeam.slice(0, threads, 1001)).isZero();
            assertThat(StreamTeam.slice(threads, threads, 1001)).isEqualTo(1001);
        }
    }

    @Test
    void refusesSillySizes() {
        AgentWriter out = new AgentWriter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new StreamAgent().run(Map.of("array-mb", "0"), out)).hasMessageContaining("--array-mb");
        assertThatThrownBy(() -> new StreamAgent().run(Map.of("array-mb", "70000"), out)).hasMessageContaining("--array-mb");
    }
}
