package dev.cvbench.harness.bench;

import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.workload.AgentRun;
import dev.cvbench.core.workload.WorkloadException;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.sandbox.host.HostSandbox;
import dev.cvbench.workload.memory.MemoryBandwidthWorkload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Java STREAM triad against a reference C triad ({@code gcc -O3 -march=native -fopenmp}, compiled now),
 * same array size, same thread count, alternating rounds in one run so both see the same machine state.
 * Prints best and median bandwidth of each and the ratio Java/C (target: at least 0.90).
 */
public final class TriadBenchmark {
    /** Best and median of a set of bandwidth samples. */
    public record Stats(double best, double median, int n) {
        static Stats of(List<Double> v) {
            double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
            return new Stats(s[s.length - 1], median, s.length);
        }
    }

    /** Both sides' numbers. */
    public record Result(int arrayMb, int threads, Stats java, Stats c) {
        public double ratioBest() {
            return java.best / c.best;
        }

        public double ratioMedian() {
            return java.median / c.median;
        }
    }

    private final int arrayMb;
    private final int threads;
    private final int iterations;
    private final int rounds;

    public TriadBenchmark(int arrayMb, int threads, int iterations, int rounds) {
        this.arrayMb = arrayMb;
        this.threads = threads;
        this.iterations = iterations;
        this.rounds = rounds;
    }

    public Result run(Path workDir) throws HarnessException, InterruptedException {
        Path binary = compile(workDir);
        List<Double> java = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        try (HostSandbox host = HostSandbox.current()) {
            for (int r = 0; r < rounds; r++) {
                java.addAll(javaRound(host));
                c.addAll(cRound(binary));
            }
        }
        return new Result(arrayMb, threads, Stats.of(java), Stats.of(c));
    }

    private List<Double> javaRound(HostSandbox host) throws HarnessException, InterruptedException {
        Command.Agent agent = MemoryBandwidthWorkload.agentCommand(arrayMb, iterations, Integer.toString(threads));
        try {
            AgentRun run = AgentRun.execute("memory-bandwidth", host, InstanceSpec.of(agent).timeout(Duration.ofMinutes(10)).build());
            return run.measurements().stream().filter(m -> m.metric().name().equals("triad_gb_per_s"))
                    .flatMap(m -> m.values().stream()).toList();
        } catch (WorkloadException e) {
            throw new HarnessException("java triad failed: " + e.getMessage() + " | " + String.join(" | ", e.lastLines()), e);
        }
    }

    private List<Double> cRound(Path binary) throws HarnessException, InterruptedException {
        String out = exec(List.of(binary.toString(), Integer.toString(arrayMb), Integer.toString(iterations), Integer.toString(threads)), "C triad");
        return out.lines().filter(l -> l.startsWith("triad_gb_per_s ")).map(l -> Double.parseDouble(l.substring(15).trim())).toList();
    }

    private static Path compile(Path workDir) throws HarnessException, InterruptedException {
        try (InputStream in = TriadBenchmark.class.getResourceAsStream("/bench/triad.c")) {
            Files.createDirectories(workDir);
            Path src = workDir.resolve("triad.c");
            Files.write(src, in.readAllBytes());
            Path bin = workDir.resolve("triad");
            exec(List.of("gcc", "-O3", "-march=native", "-fopenmp", "-o", bin.toString(), src.toString()), "gcc");
            return bin;
        } catch (IOException e) {
            throw new HarnessException("cannot prepare the C triad in " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static String exec(List<String> argv, String what) throws HarnessException, InterruptedException {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new HarnessException(what + " failed (exit " + p.exitValue() + "): " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new HarnessException.MissingPrerequisite(what + " could not run: " + e.getMessage() + " (apt-get install -y gcc)", e);
        }
    }

    public static String format(Result r) {
        return String.format(Locale.ROOT, """
                STREAM triad, %d MB per array, %d threads (GB = 1e9 bytes)
                                 best GB/s   median GB/s   samples
                  Java agent     %9.2f   %11.2f   %7d
                  C (gcc -O3)    %9.2f   %11.2f   %7d
                  ratio Java/C   %9.3f   %11.3f   (target >= 0.90)
                """, r.arrayMb(), r.threads(), r.java().best(), r.java().median(), r.java().n(),
                r.c().best(), r.c().median(), r.c().n(), r.ratioBest(), r.ratioMedian());
    }
}
