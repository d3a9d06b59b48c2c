package dev.cvbench.container.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Command-line parsing, exit codes and the log formats (no root needed). */
class CliTest {
    @TempDir
    Path tmp;

    @Test
    void globalOptionsAndCreateArguments() {
        CommandLine cmd = Main.commandLine();
        CommandLine.ParseResult r = cmd.parseArgs("--root", "/tmp/r", "--log", "/tmp/l", "--log-format", "json", "create",
                "--bundle", "/b", "--pid-file", "/p", "--console-socket", "/s", "c1");
        Main main = cmd.getCommand();
        assertThat(main.root).isEqualTo(Path.of("/tmp/r"));
        assertThat(main.logFormat).isEqualTo(CliLog.Format.json);
        CreateCommand create = r.subcommand().commandSpec().commandLine().getCommand();
        assertThat(create.bundle).isEqualTo(Path.of("/b"));
        assertThat(create.pidFile).isEqualTo(Path.of("/p"));
        assertThat(create.id).isEqualTo("c1");
    }

    @Test
    void rootDefaultsToRunCvbenchAndBundleToCwd() {
        CommandLine cmd = Main.commandLine();
        CommandLine.ParseResult r = cmd.parseArgs("run", "-d", "x");
        assertThat(((Main) cmd.getCommand()).root).isEqualTo(Path.of("/run/cvbench"));
        RunCommand run = r.subcommand().commandSpec().commandLine().getCommand();
        assertThat(run.detach).isTrue();
        assertThat(run.bundle).isEqualTo(Path.of("."));
    }

    @Test
    void execStopsOptionParsingAtTheCommand() {
        CommandLine cmd = Main.commandLine();
        CommandLine.ParseResult r = cmd.parseArgs("exec", "c1", "ls", "-la", "--root");
        ExecCommand exec = r.subcommand().commandSpec().commandLine().getCommand();
        assertThat(exec.command).containsExactly("ls", "-la", "--root");
    }

    @Test
    void usageErrorsExitWithTwo() {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(Main.execute("bogus")).isEqualTo(2);
            assertThat(Main.execute("start")).isEqualTo(2);
            assertThat(Main.execute("--log-format", "xml", "list")).isEqualTo(2);
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void specWritesRuncsDefaultAndRefusesToOverwrite() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            assertThat(Main.execute("spec", "--bundle", tmp.toString())).isZero();
            String golden = new String(CliTest.class.getResourceAsStream("/golden/config.json").readAllBytes(), StandardCharsets.UTF_8);
            assertThat(Files.readString(tmp.resolve("config.json"))).isEqualTo(golden);
            assertThat(Main.execute("spec", "--bundle", tmp.toString())).isEqualTo(1);
            assertThat(e.toString(StandardCharsets.UTF_8)).isEqualTo("cvrun: " + tmp.resolve("config.json") + " already exists: remove it first\n");
        } finally {
            System.setErr(err);
        }
    }

    @Test
    void signalsByNameOrNumber() {
        assertThat(Signals.parse("KILL")).isEqualTo(9);
        assertThat(Signals.parse("sigterm")).isEqualTo(15);
        assertThat(Signals.parse("10")).isEqualTo(10);
        assertThatThrownBy(() -> Signals.parse("NOPE")).hasMessage("unknown signal 'NOPE' (e.g. TERM, KILL, 9)");
        assertThatThrownBy(() -> Signals.parse("99")).hasMessage("signal number 99 out of range 1..64");
    }

    @Test
    void logLinesInTextAndJson() {
        Instant t = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(new CliLog(null, CliLog.Format.text).render("error", "bad \"id\"", t))
                .isEqualTo("time=\"2026-11-27T10:00:00Z\" level=error msg=\"bad \\\"id\\\"\"");
        assertThat(new CliLog(null, CliLog.Format.json).render("info", "created c1", t))
                .isEqualTo("{\"level\":\"info\",\"msg\":\"created c1\",\"time\":\"2026-11-27T10:00:00Z\"}");
    }

    @Test
    void runtimeErrorsAreLoggedToTheLogFile() throws Exception {
        Path log = tmp.resolve("cvrun.log");
        Path notADir = Files.writeString(tmp.resolve("file"), "x").resolve("bundle");
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(Main.execute("--log", log.toString(), "--log-format", "json", "spec", "--bundle", notADir.toString())).isEqualTo(1);
        } finally {
            System.setErr(err);
        }
        assertThat(Files.readString(log)).startsWith("{\"level\":\"error\",\"msg\":\"cannot write " + notADir.resolve("config.json"));
    }
}
