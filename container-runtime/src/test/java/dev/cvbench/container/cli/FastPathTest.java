package dev.cvbench.container.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the plain forms take the fast path; everything else is left to picocli (null). */
class FastPathTest {
    @Test
    void unusualFormsGoThroughPicocli() {
        for (String[] a : new String[][] {{}, {"--help"}, {"list"}, {"--root"}, {"--log", "f", "run", "x"}, {"run"},
                {"run", "--bundle"}, {"run", "--bundle=/b", "x"}, {"run", "--unknown", "x"}, {"run", "a", "b"}, {"run", "-h"},
                {"state"}, {"state", "a", "b"}, {"state", "--help"}, {"--root", "/r", "create", "x"}}) {
            assertThat(FastPath.tryRun(a)).as(String.join(" ", a)).isNull();
        }
    }
}
