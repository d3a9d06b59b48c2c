package dev.cvbench.harness.cli;

import dev.cvbench.core.result.Environment;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.RunInfo;
import dev.cvbench.core.result.RunResult;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.env.EnvironmentProbe;
import dev.cvbench.harness.progress.TerminalProgress;
import dev.cvbench.harness.run.OutputDir;
import dev.cvbench.harness.run.Planner;
import dev.cvbench.harness.run.RunListener;
import dev.cvbench.harness.run.RunOptions;
import dev.cvbench.harness.run.RunOutput;
import dev.cvbench.harness.run.RunPlan;
import dev.cvbench.harness.run.Runner;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.vm.VmSandboxConfig;
import dev.cvbench.harness.suite.Suite;
import dev.cvbench.harness.suite.SuiteLoader;
import dev.cvbench.workload.WorkloadCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cvbench run}: plan, run every workload in every sandbox, write results.json and report.html. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a suite on every selected runtime and write results.json and report.html.",
                "Defaults: the quick suite on host, container and vm."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--suite", paramLabel = "quick|standard|FILE", defaultValue = "quick",
            description = "Built-in suite or a YAML/JSON suite file (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--runtimes", split = ",", paramLabel = "RUNTIME", description = "Comma-separated: host, container, vm (default: the suite's).")
    List<String> runtimes;

    @Option(names = "--workloads", split = ",", paramLabel = "WORKLOAD", description = "Comma-separated subset of workloads (see 'cvbench list').")
    List<String> workloads;

    @Option(names = "--repetitions", paramLabel = "N", description = "Measured repetitions per workload and runtime (overrides the suite).")
    Integer repetitions;

    @Option(names = "--warmup", paramLabel = "N", description = "Discarded warm-up repetitions (overrides the suite).")
    Integer warmup;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results", description = "Results directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    DirOptions dirs = new DirOptions();

    @Option(names = "--libvirt-uri", paramLabel = "URI",
            description = "libvirt for the vm runtime, e.g. qemu:///system or qemu+ssh://host/system (default: the embedded driver, no daemon).")
    String libvirtUri;

    @Override
    public Integer call() throws HarnessException, InterruptedException, java.io.IOException {
        SandboxFactory factory = factory(line -> {});
        WorkloadCatalog catalog = WorkloadCatalog.load();
        Suite s = SuiteLoader.load(suite);
        RunPlan plan = new Planner(catalog).plan(s, new RunOptions(suite, runtimes, workloads, repetitions, warmup, out));
        OutputDir outputDir = OutputDir.check(out);

        Instant started = Instant.now();
        Environment env = EnvironmentProbe.capture();
        RunListener progress = TerminalProgress.forStdout();
        factory = factory(progress::note);
        Runner.Collected collected = new Runner(factory::open, progress).run(plan);
        Instant finished = Instant.now();

        String id = OutputDir.runId(started);
        RunInfo info = new RunInfo(id, Main.version(),
                plan.suite(), started.truncatedTo(ChronoUnit.MILLIS).toString(), finished.truncatedTo(ChronoUnit.MILLIS).toString(),
                plan.repetitions(), plan.warmup(), plan.runtimes().stream().map(Object::toString).toList(), plan.workloadNames(),
                parameters());
        RunResult result = new RunResult(RunResult.SCHEMA, info, env, collected.sandboxes(), collected.series(), collected.outcomes());
        RunOutput.Written written = RunOutput.write(result, outputDir.create(id));

        System.out.print(written.summary());
        for (Outcome o : result.outcomes()) {
            System.out.println(o.status() + ": " + o.workload() + " @ " + o.sandbox() + ": " + o.reason());
        }
        System.out.println("results: " + written.json());
        System.out.println("report:  " + written.html());
        boolean failed = result.outcomes().stream().anyMatch(o -> o.status().equals(Outcome.FAILED));
        return failed ? ExitCodes.SOME_FAILED : ExitCodes.OK;
    }

    /** What the run info records about how it ran: the directories, and the libvirt URI when not the embedded driver. */
    Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("state_dir", dirs.stateDir.toString());
        p.put("cache_dir", dirs.cacheDir.toString());
        if (libvirtUri != null) {
            p.put("libvirt_uri", libvirtUri);
        }
        return p;
    }

    /**
     * The sandboxes this run opens: its state and cache directories and, for VMs, {@code --libvirt-uri}.
     *
     * @throws HarnessException.BadInput when {@code --libvirt-uri} is malformed
     */
    SandboxFactory factory(Consumer<String> progress) throws HarnessException.BadInput {
        return new SandboxFactory(dirs.stateDir, dirs.cacheDir, progress).withLibvirtUri(VmSandboxConfig.checkLibvirtUri(libvirtUri));
    }
}
