package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line naming the problem, exit 2, nothing written. */
class CliBadInputTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureErr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreErr() {
        System.setErr(savedErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return Main.execute(args);
    }

    @Test
    void unknownWorkload() throws Exception {
        Path out = dir.resolve("out");
        assertThat(run("run", "--runtimes", "host", "--workloads", "fio", "--out", out.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("cvbench: unknown workload 'fio' (known: boot, memory-bandwidth)" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void unknownRuntimeAndOption() {
        assertThat(run("run", "--runtimes", "docker")).isEqualTo(2);
        assertThat(stderr()).contains("unknown runtime 'docker'");
        assertThat(run("run", "--turbo")).isEqualTo(2);
        assertThat(stderr()).contains("Unknown option: '--turbo'").contains("cvbench run --help");
    }

    @Test
    void malformedSuiteFile() throws Exception {
        Path suite = Files.writeString(dir.resolve("s.yaml"), "name: [unclosed\n");
        Path out = dir.resolve("out");
        assertThat(run("run", "--suite", suite.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(stderr().lines().count()).isEqualTo(1);
        assertThat(stderr()).contains("s.yaml");
        assertThat(out).doesNotExist();
    }

    @Test
    void unwritableOutDir() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "");
        assertThat(run("run", "--runtimes", "host", "--out", file.resolve("sub").toString())).isEqualTo(2);
        assertThat(stderr()).contains("cannot write results to").contains("is not a directory");
    }
}
