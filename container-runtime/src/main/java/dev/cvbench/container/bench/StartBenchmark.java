package dev.cvbench.container.bench;

import dev.cvbench.container.Container;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import dev.cvbench.container.spec.SpecFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Container start, four ways side by side: starts {@code /bin/true} in a busybox bundle N times each through
 * cvbench's runtime as a library (in this JVM), {@code ./cvrun run}, {@code runc run} and {@code crun run}, and
 * reports p50/p90 and the ratio of each p50 to runc's. A sample is the wall time from "go" to "container gone"
 * (create, start, exit, delete). A way that cannot run here is skipped with its reason, never dropped silently.
 *
 * <p>Warm-up: 3 discarded runs for the library (class loading, JIT), 1 for each launcher (cvrun writes its CDS
 * archive on the first). Example output:
 * <pre>
 * start /bin/true in a busybox bundle, N=20, create+start+exit+delete
 * runtime          p50 ms     p90 ms     p50 / runc
 * library            40.1       44.0           0.90
 * runc run           44.6       49.2           1.00
 * crun run       skipped: the cgroup v1 hugetlb hierarchy is not mounted (/sys/fs/cgroup/hugetlb)
 * </pre>
 * Used by {@code cvbench bench container-start}; also runnable alone:
 * {@code java -cp ... dev.cvbench.container.bench.StartBenchmark [N] [path/to/cvrun]}.
 */
public final class StartBenchmark {
    /** The row names, in the order they are measured and printed. */
    public static final String LIBRARY = "library";
    public static final String CVRUN = "cvrun run";
    public static final String RUNC = "runc run";
    public static final String CRUN = "crun run";

    private static final int LIBRARY_WARMUP = 3;
    private static final int LAUNCHER_WARMUP = 1;

    /**
     * What one benchmark run measured.
     *
     * @param runs      measured starts per way
     * @param samplesMs per way that ran, every measured start in milliseconds, in measuring order
     * @param skipped   per way that could not run, the reason
     */
    public record Result(int runs, Map<String, double[]> samplesMs, Map<String, String> skipped) {
        public Result {
            samplesMs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(samplesMs));
            skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }

    private StartBenchmark() {}

    /**
     * Runs every way {@code runs} times in a fresh bundle under {@code work} (state dirs go there too).
     *
     * @param cvrun the {@code ./cvrun} launcher, or empty with the reason it is not known
     * @throws ContainerException when the library way fails (the runtime itself is broken here)
     * @throws IOException when the bundle cannot be written or a launcher that passed its probe fails later
     */
    public static Result run(int runs, Path work, Cvrun cvrun) throws ContainerException, IOException, InterruptedException {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, was " + runs);
        }
        Path bundle = bundle(work.resolve("bundle"));
        Map<String, double[]> results = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        results.put(LIBRARY, library(work, bundle, runs));

        Optional<String> cvrunReason = cvrun.reason();
        if (cvrunReason.isEmpty()) {
            String launcher = cvrun.path().orElseThrow().toString();
            results.put(CVRUN, external(runs, i -> ociRun(launcher, work.resolve("cvrun"), bundle, "cv" + i)));
        } else {
            skipped.put(CVRUN, cvrunReason.get());
        }
        Optional<String> runcReason = probe("runc", ociRun("runc", work.resolve("runc"), bundle, "probe"));
        if (runcReason.isEmpty()) {
            results.put(RUNC, external(runs, i -> ociRun("runc", work.resolve("runc"), bundle, "rc" + i)));
        } else {
            skipped.put(RUNC, runcReason.get());
        }
        Optional<String> crunReason = Files.isDirectory(Path.of("/sys/fs/cgroup/hugetlb"))
                ? probe("crun", ociRun("crun", work.resolve("crun"), bundle, "probe"))
                : Optional.of("the cgroup v1 hugetlb hierarchy is not mounted (/sys/fs/cgroup/hugetlb)");
        if (crunReason.isEmpty()) {
            results.put(CRUN, external(runs, i -> ociRun("crun", work.resolve("crun"), bundle, "cr" + i)));
        } else {
            skipped.put(CRUN, crunReason.get());
        }
        return new Result(runs, results, skipped);
    }

    /** Where the {@code ./cvrun} launcher is, or why it is not measured. */
    public record Cvrun(Optional<Path> path, Optional<String> reason) {
        /** The launcher at {@code path}; skipped with a reason when it is not an executable file. */
        public static Cvrun at(Path path) {
            Path p = path.toAbsolutePath();
            return Files.isExecutable(p) && Files.isRegularFile(p) ? new Cvrun(Optional.of(p), Optional.empty())
                    : new Cvrun(Optional.empty(), Optional.of(p + " is not an executable file"));
        }

        /** Not measured, because {@code why}. */
        public static Cvrun skipped(String why) {
            return new Cvrun(Optional.empty(), Optional.of(why));
        }
    }

    private static List<String> ociRun(String runtime, Path root, Path bundle, String id) {
        return List.of(runtime, "--root", root.toString(), "run", "--bundle", bundle.toString(), id);
    }

    /** Writes an OCI bundle running {@code /bin/true} from a rootfs holding only the host's static busybox. */
    public static Path bundle(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"), StandardCopyOption.REPLACE_EXISTING);
        for (String a : List.of("true", "sh")) {
            Files.createSymbolicLink(bin.resolve(a), Path.of("busybox"));
        }
        for (String d : List.of("proc", "dev", "sys")) {
            Files.createDirectories(dir.resolve("rootfs").resolve(d));
        }
        Spec d = DefaultSpec.create(List.of("/bin/true"), "rootfs");
        Files.writeString(dir.resolve("config.json"), SpecFiles.toJson(d));
        return dir;
    }

    private static double[] library(Path work, Path bundle, int n) throws ContainerException {
        ContainerRuntime rt = ContainerRuntime.at(work.resolve("lib"));
        ContainerSpec spec = ContainerSpec.builder(bundle.resolve("rootfs")).overlay(false).args(List.of("/bin/true")).build();
        double[] ms = new double[n];
        for (int i = -LIBRARY_WARMUP; i < n; i++) {
            long t0 = System.nanoTime();
            try (Container c = rt.run("lib" + (i + LIBRARY_WARMUP), spec)) {
                c.waitForExit(Duration.ofSeconds(10)).orElseThrow(() -> new ContainerException("/bin/true did not exit within 10 s"));
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    private static double[] external(int n, IntFunction<List<String>> argv) throws IOException, InterruptedException {
        double[] ms = new double[n];
        for (int i = -LAUNCHER_WARMUP; i < n; i++) {
            List<String> cmd = argv.apply(i + LAUNCHER_WARMUP);
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out.trim());
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    /** Runs once; returns the reason it cannot run here, if it cannot. */
    static Optional<String> probe(String name, List<String> argv) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Optional.empty()
                    : Optional.of(name + " fails here: " + out.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
        } catch (IOException e) {
            return Optional.of(name + " is not installed (" + e.getMessage() + ")");
        }
    }

    /** Nearest-rank percentile ({@code p} in 0..100) of {@code v}, which must not be empty. */
    public static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    /** The table as printed: p50, p90 and p50 relative to runc's per way that ran, then one line per skipped way. */
    public static String format(Result r) {
        StringBuilder out = new StringBuilder();
        double runc = r.samplesMs().containsKey(RUNC) ? percentile(r.samplesMs().get(RUNC), 50) : Double.NaN;
        out.append(String.format(Locale.ROOT, "start /bin/true in a busybox bundle, N=%d, create+start+exit+delete%n", r.runs()));
        out.append(String.format(Locale.ROOT, "%-12s %10s %10s %14s%n", "runtime", "p50 ms", "p90 ms", "p50 / runc"));
        r.samplesMs().forEach((k, v) -> {
            double p50 = percentile(v, 50);
            out.append(String.format(Locale.ROOT, "%-12s %10.1f %10.1f %14s%n", k, p50, percentile(v, 90),
                    Double.isNaN(runc) ? "n/a" : String.format(Locale.ROOT, "%.2f", p50 / runc)));
        });
        r.skipped().forEach((k, why) -> out.append(String.format(Locale.ROOT, "%-12s skipped: %s%n", k, why)));
        return out.toString();
    }

    /** {@code StartBenchmark [N] [path/to/cvrun]}: prints the table; the temporary bundle is removed afterwards. */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path work = Files.createTempDirectory("cvbench-startbench");
        try {
            System.out.print(format(run(n, work, Cvrun.at(Path.of(args.length > 1 ? args[1] : "./cvrun")))));
        } finally {
            deleteTree(work);
        }
    }

    /** Removes a benchmark work dir (every container is deleted by then: only the bundle and empty state dirs remain). */
    public static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
