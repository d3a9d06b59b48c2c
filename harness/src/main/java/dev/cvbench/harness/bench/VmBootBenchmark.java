package dev.cvbench.harness.bench;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.image.AgentLayout;
import dev.cvbench.harness.sandbox.vm.VmSandbox;
import dev.cvbench.vm.bench.PhaseStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * JVM start inside a VM, with and without the class-data-sharing archive: boots the default guest image N times
 * running {@code java -Xshare:auto -version} (the JDK's CDS archive, pre-parsed JDK classes, mapped) and N times
 * {@code java -Xshare:off -version} (every class parsed and verified at start), interleaved so machine drift hits
 * both alike, after one discarded warm-up boot of each. Reports, from host timestamps of the serial console:
 * <ul>
 *   <li>JVM start: /init's {@code cvbench-init: exec} line to its {@code cvbench-init: exit} line, p50 and p90;</li>
 *   <li>boot to exit: the sandbox's launch request to the command having exited, p50 and p90;</li>
 *   <li>the phase breakdown (median ms after the launch request) of both.</li>
 * </ul>
 * The libvirt-vs-direct-QEMU half of the boot benchmark is vm-runtime's {@code BootBenchmark}; the statistics
 * are its {@link PhaseStats}.
 */
public final class VmBootBenchmark {
    /** The two ways the guest JVM starts. */
    public enum Cds {
        ON("-Xshare:auto"),
        OFF("-Xshare:off");

        final String flag;

        Cds(String flag) {
            this.flag = flag;
        }
    }

    /** One boot: its phases and when /init started the command. */
    public record Boot(Cds cds, List<PhaseMark> phases, long execNanos) {
        /** /init's exec line to its exit line. */
        public double jvmMs() {
            long done = phases.stream().filter(p -> p.name().equals(PhaseMark.EXITED)).mapToLong(PhaseMark::nanos).findFirst().orElse(-1);
            return done < 0 || execNanos < 0 ? Double.NaN : (done - execNanos) / 1e6;
        }

        public double toExitMs() {
            return PhaseStats.offsetMs(phases, PhaseMark.EXITED);
        }
    }

    static final String EXEC_LINE = "cvbench-init: exec";

    private final VmSandbox sandbox;
    private final int runs;
    private final int warmup;

    public VmBootBenchmark(VmSandbox sandbox, int runs, int warmup) {
        if (runs < 1 || warmup < 0) {
            throw new IllegalArgumentException("runs must be >= 1 and warmup >= 0");
        }
        this.sandbox = sandbox;
        this.runs = runs;
        this.warmup = warmup;
    }

    /** Boots {@code warmup + runs} times per variant, alternating which goes first; returns the measured boots. */
    public List<Boot> run(Consumer<String> progress) throws HarnessException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            boot(Cds.ON);
            boot(Cds.OFF);
        }
        List<Boot> boots = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Cds first = i % 2 == 0 ? Cds.ON : Cds.OFF;
            Boot a = boot(first);
            Boot b = boot(first == Cds.ON ? Cds.OFF : Cds.ON);
            boots.add(a);
            boots.add(b);
            Boot on = first == Cds.ON ? a : b;
            Boot off = first == Cds.ON ? b : a;
            progress.accept(String.format(Locale.ROOT, "run %d/%d: JVM start %.0f ms with CDS, %.0f ms without; boot to exit %.0f / %.0f ms",
                    i + 1, runs, on.jvmMs(), off.jvmMs(), on.toExitMs(), off.toExitMs()));
        }
        return boots;
    }

    private Boot boot(Cds cds) throws HarnessException, InterruptedException {
        InstanceSpec spec = InstanceSpec.of(Command.exec(AgentLayout.JAVA, cds.flag, "-version")).timeout(Duration.ofMinutes(3)).build();
        try (Instance vm = sandbox.launch(spec)) {
            int status = vm.waitForExit(spec.timeout());
            List<ConsoleLine> lines = vm.lines();
            if (status != 0) {
                throw new HarnessException("java " + cds.flag + " -version failed in the guest (exit " + status + "); last lines: "
                        + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()).stream().map(ConsoleLine::text).toList()));
            }
            long exec = lines.stream().filter(l -> l.text().equals(EXEC_LINE)).mapToLong(ConsoleLine::arrivalNanos).findFirst().orElse(-1);
            return new Boot(cds, vm.phases(), exec);
        } catch (SandboxException e) {
            throw new HarnessException("cannot boot the benchmark VM: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new HarnessException("the benchmark VM did not finish: " + e.getMessage(), e);
        }
    }

    /** The p50/p90 table and the phase breakdown, as printed. */
    public static String report(List<Boot> boots) {
        List<Boot> on = boots.stream().filter(b -> b.cds() == Cds.ON).toList();
        List<Boot> off = boots.stream().filter(b -> b.cds() == Cds.OFF).toList();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%-44s %9s %9s%n", "JVM start in the guest (java -version, ms)", "p50", "p90"));
        row(out, "  with CDS (-Xshare:auto)", on.stream().map(Boot::jvmMs).toList());
        row(out, "  without CDS (-Xshare:off)", off.stream().map(Boot::jvmMs).toList());
        double ratio = PhaseStats.percentile(on.stream().map(Boot::jvmMs).toList(), 50)
                / PhaseStats.percentile(off.stream().map(Boot::jvmMs).toList(), 50);
        out.append(String.format(Locale.ROOT, "  ratio p50 with/without CDS: %.2f%n", ratio));
        out.append(String.format(Locale.ROOT, "%n%-44s %9s %9s%n", "launch to command exited (ms)", "p50", "p90"));
        row(out, "  with CDS", on.stream().map(Boot::toExitMs).toList());
        row(out, "  without CDS", off.stream().map(Boot::toExitMs).toList());
        out.append(String.format(Locale.ROOT, "%n%-44s %9s %9s%n", "phase (median ms after launch)", "CDS", "no CDS"));
        Set<String> names = new LinkedHashSet<>();
        boots.forEach(b -> b.phases().forEach(p -> names.add(p.name())));
        for (String name : names) {
            out.append(String.format(Locale.ROOT, "  %-42s %9.1f %9.1f%n", name,
                    PhaseStats.percentile(on.stream().map(b -> PhaseStats.offsetMs(b.phases(), name)).toList(), 50),
                    PhaseStats.percentile(off.stream().map(b -> PhaseStats.offsetMs(b.phases(), name)).toList(), 50)));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<Double> values) {
        out.append(String.format(Locale.ROOT, "%-44s %9.1f %9.1f%n", label, PhaseStats.percentile(values, 50), PhaseStats.percentile(values, 90)));
    }
}
