package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.vm.VmSandboxConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cvbench run --libvirt-uri}: from the option to the vm sandbox's config, checked before anything runs. */
class RunCommandTest {
    @TempDir
    Path dir;

    private static RunCommand parse(String... args) {
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args);
        return run;
    }

    @Test
    void libvirtUriReachesTheVmSandboxConfig() throws Exception {
        SandboxFactory factory = parse("--libvirt-uri", "qemu+ssh://node7/system", "--state-dir", "/tmp/s", "--cache-dir", "/tmp/c")
                .factory(line -> {});
        assertThat(factory.libvirtUri()).contains("qemu+ssh://node7/system");
        VmSandboxConfig config = VmSandboxConfig.of(factory);
        assertThat(config.libvirtUri()).contains("qemu+ssh://node7/system");
        assertThat(config.stateRoot()).isEqualTo(Path.of("/tmp/s"));
        assertThat(config.cacheDir()).isEqualTo(Path.of("/tmp/c"));
    }

    @Test
    void defaultIsTheEmbeddedDriver() throws Exception {
        RunCommand run = parse();
        SandboxFactory factory = run.factory(line -> {});
        assertThat(factory.libvirtUri()).isEmpty();
        assertThat(VmSandboxConfig.of(factory).libvirtUri()).isEqualTo(Optional.empty());
        assertThat(run.parameters()).doesNotContainKey("libvirt_uri").containsEntry("state_dir", "/run/cvbench");
        assertThat(parse("--libvirt-uri", "qemu:///system").parameters()).containsEntry("libvirt_uri", "qemu:///system");
    }

    @Test
    void malformedUriIsBadInputNamingTheOption() {
        assertThatThrownBy(() -> parse("--libvirt-uri", "qemu system").factory(line -> {}))
                .isInstanceOf(HarnessException.BadInput.class).hasMessageContaining("--libvirt-uri 'qemu system' is malformed")
                .hasMessageContaining("qemu:///system");
    }

    @Test
    void malformedUriExitsTwoBeforeWritingAnything() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            Path out = dir.resolve("out");
            assertThat(Main.execute("run", "--runtimes", "host", "--libvirt-uri", "no-scheme", "--out", out.toString())).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cvbench: --libvirt-uri 'no-scheme' is malformed").hasLineCount(1);
            assertThat(out).doesNotExist();
        } finally {
            System.setErr(saved);
        }
    }
}
