package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.harness.HarnessException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cvbench vm run}: option parsing and bad input, all checked before anything boots (no root needed). */
class VmCommandTest {
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

    private static VmCommand.Run parse(String... args) {
        VmCommand.Run run = new VmCommand.Run();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void optionsBecomeTheInstanceSpec() throws Exception {
        InstanceSpec spec = parse("--vcpus", "2", "--memory", "1.5G", "--net", "bridge", "--kernel", "generic", "--timeout", "30",
                "--", "sh", "-c", "echo hi; exit 3").spec();
        assertThat(spec.command()).isEqualTo(Command.exec("sh", "-c", "echo hi; exit 3"));
        assertThat(spec.cpus().getAsDouble()).isEqualTo(2.0);
        assertThat(spec.memoryBytes().getAsLong()).isEqualTo(1536L << 20);
        assertThat(spec.network()).isEqualTo(NetworkMode.bridge());
        assertThat(spec.options()).containsEntry("kernel", "generic");
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void defaults() throws Exception {
        InstanceSpec spec = parse("--", "true").spec();
        assertThat(spec.cpus()).isEmpty();
        assertThat(spec.memoryBytes()).isEmpty();
        assertThat(spec.network()).isEqualTo(NetworkMode.none());
        assertThat(spec.options()).containsEntry("kernel", "cloud");
    }

    @Test
    void badValuesAreBadInputNamingTheOption() {
        assertThatThrownBy(() -> parse("--vcpus", "0", "--", "true").spec()).isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("--vcpus");
        assertThatThrownBy(() -> parse("--net", "host", "--", "true").spec()).isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("--net");
        assertThatThrownBy(() -> parse("--libvirt-uri", "not a uri", "--", "true").spec()).isInstanceOf(HarnessException.BadInput.class)
                .hasMessageContaining("--libvirt-uri");
        assertThatThrownBy(() -> parse("--timeout", "0", "--", "true").spec()).isInstanceOf(HarnessException.BadInput.class);
    }

    @Test
    void malformedMemoryExitsTwoWithOneLine() {
        assertThat(Main.execute("vm", "run", "--memory", "lots", "--state-dir", dir.toString(), "--", "true")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("cvbench: --memory: 'lots' is not a size; use a number with K, M or G, e.g. 512M or 2G"
                + System.lineSeparator());
    }

    @Test
    void missingKernelFileExitsTwoWithOneLine() {
        Path missing = dir.resolve("vmlinuz-missing");
        assertThat(Main.execute("vm", "run", "--kernel", missing.toString(), "--state-dir", dir.toString(), "--", "true")).isEqualTo(2);
        assertThat(stderr()).startsWith("cvbench: kernel " + missing + " does not exist").doesNotContain("\n\t at ");
        assertThat(stderr().lines().count()).isEqualTo(1);
    }

    @Test
    void aCommandIsRequired() {
        assertThat(Main.execute("vm", "run", "--memory", "1G")).isEqualTo(2);
        assertThat(stderr()).contains("CMD").contains("cvbench vm run --help");
    }
}
