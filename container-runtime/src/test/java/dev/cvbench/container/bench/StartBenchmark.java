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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts {@code /bin/true} in a busybox bundle N times each way and prints p50/p90 and the ratio
 * to runc's p50: cvbench's runtime through the library API (in this JVM), {@code ./cvrun run},
 * {@code runc run} and {@code crun run}. Each sample is the wall time from "go" to "container gone"
 * (create, start, exit, delete). A runtime that cannot run here is skipped with its reason.
 *
 * <pre>
 * mvn -q -o -pl container-runtime -am test-compile
 * java -cp "$(cat container-runtime/target/cvrun.classpath):container-runtime/target/classes:container-runtime/target/test-classes:core/target/classes" \
 *     dev.cvbench.container.bench.StartBenchmark [N] [path/to/cvrun]
 * </pre>
 */
public final class StartBenchmark {
    private StartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Path cvrun = Path.of(args.length > 1 ? args[1] : "./cvrun").toAbsolutePath();
        Path work = Files.createTempDirectory("cvbench-startbench");
        Path bundle = bundle(work.resolve("bundle"));
        Map<String, double[]> results = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();

        results.put("library", library(work, bundle, n));
        if (Files.isExecutable(cvrun)) {
            results.put("cvrun run", external(n, i -> List.of(cvrun.toString(), "--root", work.resolve("cvrun").toString(), "run",
                    "--bundle", bundle.toString(), "cv" + i)));
        } else {
            skipped.put("cvrun run", cvrun + " not found (pass its path as the second argument)");
        }
        probe("runc", List.of("runc", "--root", work.resolve("runc").toString(), "run", "--bundle", bundle.toString(), "probe"))
                .ifPresentOrElse(r -> skipped.put("runc run", r), () -> results.put("runc run", uncheckedExternal(n,
                        i -> List.of("runc", "--root", work.resolve("runc").toString(), "run", "--bundle", bundle.toString(), "rc" + i))));
        Optional<String> crunReason = Files.isDirectory(Path.of("/sys/fs/cgroup/hugetlb")) ? Optional.empty()
                : Optional.of("the cgroup v1 hugetlb hierarchy is not mounted (/sys/fs/cgroup/hugetlb)");
        if (crunReason.isEmpty()) {
            crunReason = probe("crun", List.of("crun", "--root", work.resolve("crun").toString(), "run", "--bundle", bundle.toString(), "probe"));
        }
        crunReason.ifPresentOrElse(r -> skipped.put("crun run", r), () -> results.put("crun run", uncheckedExternal(n,
                i -> List.of("crun", "--root", work.resolve("crun").toString(), "run", "--bundle", bundle.toString(), "cr" + i))));
        print(n, results, skipped);
        try (var files = Files.walk(work)) { // every container is deleted by now: only empty state dirs remain
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    static Path bundle(Path dir) throws IOException {
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

    static double[] library(Path work, Path bundle, int n) throws ContainerException {
        ContainerRuntime rt = ContainerRuntime.at(work.resolve("lib"));
        ContainerSpec spec = ContainerSpec.builder(bundle.resolve("rootfs")).overlay(false).args(List.of("/bin/true")).build();
        double[] ms = new double[n];
        for (int i = -3; i < n; i++) { // 3 warm-up runs
            long t0 = System.nanoTime();
            try (Container c = rt.run("lib" + i, spec)) {
                c.waitForExit(Duration.ofSeconds(10)).orElseThrow(() -> new ContainerException("did not exit"));
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    interface Argv {
        List<String> of(int i);
    }

    static double[] external(int n, Argv argv) throws IOException, InterruptedException {
        double[] ms = new double[n];
        for (int i = -1; i < n; i++) { // one warm-up run (cvrun writes its CDS archive on the first)
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(argv.of(i + 1000 * (i < 0 ? 1 : 0))).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", argv.of(i)) + " failed: " + out.trim());
            }
            if (i >= 0) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return ms;
    }

    static double[] uncheckedExternal(int n, Argv argv) {
        try {
            return external(n, argv);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs once; returns the reason it cannot run here, if it cannot. */
    static Optional<String> probe(String name, List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Optional.empty() : Optional.of(name + " fails here: " + out.lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
        } catch (IOException e) {
            return Optional.of(name + " is not installed (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }

    static void print(int n, Map<String, double[]> results, Map<String, String> skipped) {
        double runc = results.containsKey("runc run") ? percentile(results.get("runc run"), 50) : Double.NaN;
        System.out.printf(Locale.ROOT, "start /bin/true in a busybox bundle, N=%d, create+start+exit+delete%n", n);
        System.out.printf(Locale.ROOT, "%-12s %10s %10s %14s%n", "runtime", "p50 ms", "p90 ms", "p50 / runc");
        List<String> names = new ArrayList<>(results.keySet());
        for (String k : names) {
            double p50 = percentile(results.get(k), 50);
            System.out.printf(Locale.ROOT, "%-12s %10.1f %10.1f %14s%n", k, p50, percentile(results.get(k), 90),
                    Double.isNaN(runc) ? "n/a" : String.format(Locale.ROOT, "%.2f", p50 / runc));
        }
        skipped.forEach((k, why) -> System.out.printf(Locale.ROOT, "%-12s skipped: %s%n", k, why));
    }
}
