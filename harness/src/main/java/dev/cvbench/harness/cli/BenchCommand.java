package dev.cvbench.harness.cli;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.bench.TriadBenchmark;
import dev.cvbench.workload.memory.CacheInfo;
import dev.cvbench.workload.memory.MemoryBandwidthWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cvbench bench ...}: benchmarks of cvbench itself against reference implementations. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that compare cvbench's own code with references, side by side.",
        subcommands = {BenchCommand.Triad.class})
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
}
