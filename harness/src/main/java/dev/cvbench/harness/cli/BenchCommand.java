package dev.cvbench.harness.cli;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.bench.TriadBenchmark;
import dev.cvbench.harness.bench.VmBootBenchmark;
import dev.cvbench.harness.run.Teardown;
import dev.cvbench.harness.sandbox.vm.KernelChoice;
import dev.cvbench.harness.sandbox.vm.VmSandbox;
import dev.cvbench.harness.sandbox.vm.VmSandboxConfig;
import dev.cvbench.workload.memory.CacheInfo;
import dev.cvbench.workload.memory.MemoryBandwidthWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvbench bench ...}: benchmarks of cvbench itself against reference implementations. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that compare cvbench's own code with references, side by side.",
        subcommands = {BenchCommand.Triad.class, BenchCommand.VmBoot.class})
final class BenchCommand {
    @Command(name = "triad", mixinStandardHelpOptions = true,
            description = "Java STREAM triad vs a C triad (gcc -O3 -march=native -fopenmp): same sizes, same threads, one run.")
    static final class Triad implements Callable<Integer> {
        @Option(names = "--array-mb", defaultValue = "auto", description = "MB per array (default: 4x the last-level cache).")
        String arrayMb;

        @Option(names = "--threads", defaultValue = "0", description = "Threads (default: one per CPU).")
        int threads;

        @Option(names = "--iterations", defaultValue = "10", description = "Measured iterations per round.")
        int iterations;

        @Option(names = "--rounds", defaultValue = "3", description = "Alternating Java/C rounds.")
        int rounds;

        @Override
        public Integer call() throws HarnessException, InterruptedException, java.io.IOException {
            int mb;
            try {
                mb = MemoryBandwidthWorkload.arrayMb(arrayMb, CacheInfo.lastLevelCacheBytes());
            } catch (IllegalArgumentException e) {
                throw new HarnessException.BadInput("--array-mb: " + e.getMessage());
            }
            int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            Path work = Files.createTempDirectory("cvbench-triad");
            try {
                TriadBenchmark.Result r = new TriadBenchmark(mb, t, iterations, rounds).run(work);
                System.out.print(TriadBenchmark.format(r));
            } finally {
                try (var s = Files.walk(work)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "vm-boot", mixinStandardHelpOptions = true,
            description = {"JVM start inside a VM with and without the CDS archive: boots the default guest image N times each,",
                    "running java -Xshare:auto -version and java -Xshare:off -version; prints p50/p90 and the phase breakdown.",
                    "(libvirt vs direct QEMU: vm-runtime's BootBenchmark.)"})
    static final class VmBoot implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Measured boots per variant (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", defaultValue = "1", description = "Discarded boots per variant first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "/run/cvbench", description = "Runtime state (default: ${DEFAULT-VALUE}).")
        Path stateDir;

        @Option(names = "--cache-dir", paramLabel = "DIR", defaultValue = "/var/cache/cvbench", description = "Images and kernels (default: ${DEFAULT-VALUE}).")
        Path cacheDir;

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            if (runs < 1 || warmup < 0) {
                throw new HarnessException.BadInput("--runs must be at least 1 and --warmup at least 0");
            }
            VmSandboxConfig config = new VmSandboxConfig(stateDir, cacheDir, Optional.empty(), KernelChoice.cloud(),
                    line -> System.err.println("cvbench: " + line));
            VmSandbox sandbox = VmSandbox.open(config);
            Teardown.register(sandbox);
            try {
                Map<String, String> f = sandbox.facts();
                System.out.printf(Locale.ROOT, "vm-boot benchmark: %d runs per variant (+%d warm-up), domain type %s%s, kernel %s, libvirt %s, QEMU %s%n",
                        runs, warmup, f.get("domain_type"), "true".equals(f.get("emulated")) ? " (TCG: emulated, not KVM)" : "",
                        f.get("kernel_version"), f.get("libvirt"), f.get("qemu"));
                List<VmBootBenchmark.Boot> boots = new VmBootBenchmark(sandbox, runs, warmup).run(line -> System.out.println("  " + line));
                System.out.print(VmBootBenchmark.report(boots));
            } finally {
                sandbox.close();
                Teardown.deregister(sandbox);
            }
            return ExitCodes.OK;
        }
    }
}
