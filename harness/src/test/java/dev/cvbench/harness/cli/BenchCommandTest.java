package dev.cvbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.bench.StartBenchmark;
import dev.cvbench.vm.spec.DomainType;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cvbench bench container-start | vm-libvirt}: options, bad input and the header, without starting anything. */
class BenchCommandTest {
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

    @Test
    void runsOptionAndDefaults() {
        BenchCommand.ContainerStart cs = new BenchCommand.ContainerStart();
        new CommandLine(cs).parseArgs();
        assertThat(cs.runs).isEqualTo(20);
        new CommandLine(cs).parseArgs("--runs", "3");
        assertThat(cs.runs).isEqualTo(3);

        BenchCommand.VmLibvirt vm = new BenchCommand.VmLibvirt();
        new CommandLine(vm).parseArgs("--runs", "3", "--warmup", "0", "--state-dir", "/tmp/st");
        assertThat(vm.runs).isEqualTo(3);
        assertThat(vm.warmup).isZero();
        assertThat(vm.dirs.stateDir).isEqualTo(Path.of("/tmp/st"));
        assertThat(vm.dirs.cacheDir).isEqualTo(Path.of("/var/cache/cvbench"));
    }

    @Test
    void badRunsIsBadInputBeforeAnythingStarts() {
        assertThat(Main.execute("bench", "container-start", "--runs", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("cvbench: --runs must be at least 1" + System.lineSeparator());
        assertThat(Main.execute("bench", "vm-libvirt", "--warmup", "-1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--warmup at least 0");
        assertThat(Main.execute("bench", "vm-libvirt", "--runs", "many")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--runs").contains("many");
    }

    @Test
    void cvrunComesFromCvbenchHomeOrIsSkippedWithAReason() throws Exception {
        assertThat(BenchCommand.ContainerStart.cvrunLauncher(null).reason()).hasValueSatisfying(r -> assertThat(r).contains("cvbench.home"));
        assertThat(BenchCommand.ContainerStart.cvrunLauncher(dir.toString()).reason())
                .hasValueSatisfying(r -> assertThat(r).contains(dir.resolve("cvrun").toString()));
        Path cvrun = Files.writeString(dir.resolve("cvrun"), "#!/bin/sh\n");
        cvrun.toFile().setExecutable(true);
        StartBenchmark.Cvrun found = BenchCommand.ContainerStart.cvrunLauncher(dir.toString());
        assertThat(found.path()).contains(cvrun);
        assertThat(found.reason()).isEmpty();
    }

    @Test
    void headerSaysTcgOrKvm() {
        String tcg = BenchCommand.vmLibvirtHeader(3, 1, DomainType.QEMU, "6.1.0-cloud", "9.0.0", "7.2.0");
        assertThat(tcg).contains("3 runs per way (+1 warm-up)").contains("domain type qemu: TCG (emulated, not KVM")
                .contains("kernel 6.1.0-cloud").contains("libvirt 9.0.0").contains("QEMU 7.2.0");
        assertThat(BenchCommand.vmLibvirtHeader(5, 0, DomainType.KVM, "k", "l", "q")).contains("domain type kvm: KVM").doesNotContain("TCG");
    }
}
