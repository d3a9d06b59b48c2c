package dev.cvbench.harness.cli.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.ContainerSpec;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Parsing and validation of {@code cvbench container run}: no root, nothing created. */
class RunOptionsTest {
    @TempDir
    Path dir;

    private static RunOptions parse(String... args) {
        RunOptions o = new RunOptions();
        new CommandLine(o).setStopAtPositional(true).parseArgs(args);
        return o;
    }

    @Test
    void everythingMapsOntoTheSpec() throws Exception {
        RunOptions o = parse("--name", "app", "-h", "web", "--net", "container:db", "--ipc", "container:shm", "-v", "/srv/conf:/etc/app:ro",
                "-v", "logs:/var/log/app", "--volumes-from", "data", "-e", "A=1", "--memory", "64m", "--cpus", "0.5",
                "--pids-limit", "20", "sh", "-c", "echo --memory hi");
        o.validate();
        assertThat(o.image()).isNull();
        ContainerSpec s = o.toSpec(dir, "app");
        assertThat(s.args()).containsExactly("sh", "-c", "echo --memory hi");
        assertThat(s.network()).isEqualTo("container:db");
        assertThat(s.ipc()).isEqualTo("container:shm");
        assertThat(s.hostname()).contains("web");
        assertThat(s.binds()).containsExactly(new ContainerSpec.Bind(Path.of("/srv/conf"), "/etc/app", true));
        assertThat(s.volumes()).containsExactly(new ContainerSpec.NamedVolume("logs", "/var/log/app", false));
        assertThat(s.volumesFrom()).containsExactly("data");
        assertThat(s.env()).containsEntry("A", "1");
        assertThat(s.memoryBytes()).contains(64L << 20);
        assertThat(s.cpus()).contains(0.5);
        assertThat(s.pidsLimit()).contains(20L);
    }

    @Test
    void firstArgumentIsTheImageOnlyWhenItIsOne() throws Exception {
        assertThat(parse("cvbench-default", "true").image()).isEqualTo("cvbench-default");
        assertThat(parse(dir.toString(), "true").image()).isEqualTo(dir.toString());
        assertThat(parse(dir.toString(), "true").command()).containsExactly("true");
        assertThat(parse("/bin/echo", "hi").image()).isNull();
        assertThat(parse("./rootfs/", "true").image()).isEqualTo("./rootfs/");
    }

    @Test
    void sizes() throws Exception {
        assertThat(parse("--memory", "512", "true").memoryBytes()).isEqualTo(512);
        assertThat(parse("--memory", "4k", "true").memoryBytes()).isEqualTo(4096);
        assertThat(parse("--memory", "1G", "true").memoryBytes()).isEqualTo(1L << 30);
    }

    @Test
    void badInputIsRefusedWithOneLine() {
        assertBad("unknown network", "--net", "bogus", "true");
        assertBad("bad ipc", "--ipc", "container:", "true");
        assertBad("bad size", "--memory", "12q", "true");
        assertBad("zero size", "--memory", "0", "true");
        assertBad("relative host dir", "-v", "./x:/y", "true");
        assertBad("relative target", "-v", "logs:y", "true");
        assertBad("missing rootfs", dir.resolve("nope") + "/", "true");
        assertBad("no command", "cvbench-default");
        assertBad("bad env", "-e", "=x", "true");
        assertBad("cpus", "--cpus", "0", "true");
    }

    @Test
    void theCliMapsBadInputToExitTwoBeforeTouchingTheRuntime() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int rc = Main.execute("container", "--root", dir.toString(), "run", "--net", "bogus", "true");
            assertThat(rc).isEqualTo(2);
        } finally {
            System.setErr(old);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("cvbench: --net 'bogus': use none, bridge, host or container:ID");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void signals() throws Exception {
        assertThat(Signals.parse("HUP")).isEqualTo(1);
        assertThat(Signals.parse("sigterm")).isEqualTo(15);
        assertThat(Signals.parse("10")).isEqualTo(10);
        assertThatThrownBy(() -> Signals.parse("NOPE")).isInstanceOf(HarnessException.BadInput.class);
    }

    private static void assertBad(String what, String... args) {
        assertThatThrownBy(() -> parse(args).validate()).as(what).isInstanceOf(HarnessException.BadInput.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
