package dev.cvbench.workload.memory;

import dev.cvbench.core.wire.AgentWriter;
import dev.cvbench.workload.AgentTask;
import dev.cvbench.workload.Options;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * STREAM in Java: the copy, scale, add and triad kernels on three arrays of doubles, one thread per
 * available CPU, each kernel timed on every iteration. The first {@value #WARMUP_PASSES} passes warm up the JIT
 * (C2 compiles the loops after on-stack replacement) and are not reported, as STREAM ignores its first pass. Bandwidth is counted the STREAM way: bytes the kernel reads and
 * writes, divided by the elapsed time, in GB/s with GB = 10^9 bytes. The results are checked against the
 * values the kernels must have produced, like STREAM's {@code checkSTREAMresults}.
 *
 * <p>Options: {@code --array-mb} (size of each array; the driver passes 4x the host's last-level cache so
 * every sandbox moves the same amount), {@code --iterations} (reported iterations), {@code --threads}.
 */
public final class StreamAgent implements AgentTask {
    static final double SCALAR = 3.0;
    static final int WARMUP_PASSES = 2;

    @Override
    public void run(Map<String, String> options, AgentWriter out) throws Exception {
        int arrayMb = Options.intOption(options, "array-mb", 128);
        int iterations = Options.intOption(options, "iterations", 10);
        int threads = Options.intOption(options, "threads", Runtime.getRuntime().availableProcessors());
        long elements = (long) arrayMb * 1024 * 1024 / Double.BYTES;
        if (arrayMb <= 0 || elements > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("--array-mb must be between 1 and 16383, was " + arrayMb);
        }
        if (iterations <= 0 || threads <= 0) {
            throw new IllegalArgumentException("--iterations and --threads must be positive");
        }
        int n = (int) elements;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        try (StreamTeam team = new StreamTeam(a, b, c, SCALAR, threads)) {
            team.time(-1);
            Map<String, Object> ready = new LinkedHashMap<>();
            ready.put("threads", threads);
            ready.put("array_mb", arrayMb);
            ready.put("elements", n);
            out.ready(ready);
            for (int iter = 0; iter < iterations + WARMUP_PASSES; iter++) {
                for (int k = 0; k < StreamKernels.NAMES.length; k++) {
                    long nanos = team.time(k);
                    if (iter >= WARMUP_PASSES) {
                        double gbPerS = (double) StreamKernels.BYTES_PER_ELEMENT[k] * n / nanos;
                        out.sample(StreamKernels.NAMES[k] + "_gb_per_s", "GB/s", "higher", iter - WARMUP_PASSES, gbPerS, null);
                    }
                }
            }
        }
        verify(a, b, c, iterations + WARMUP_PASSES);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("workload", "memory-bandwidth");
        result.put("threads", threads);
        result.put("array_mb", arrayMb);
        result.put("iterations", iterations);
        result.put("verified", true);
        out.result(result);
    }

    /** Replays the kernels on scalars and checks a spread of elements, as STREAM does. */
    static void verify(double[] a, double[] b, double[] c, int passes) {
        double aj = 2.0;
        double bj = 2.0;
        double cj = 0.0;
        for (int p = 0; p < passes; p++) {
            cj = aj;
            bj = SCALAR * cj;
            cj = aj + bj;
            aj = bj + SCALAR * cj;
        }
        int step = Math.max(1, a.length / 4096);
        for (int i = 0; i < a.length; i += step) {
            check("a", i, a[i], aj);
            check("b", i, b[i], bj);
            check("c", i, c[i], cj);
        }
    }

    private static void check(String array, int i, double actual, double expected) {
        if (Math.abs(actual - expected) > 1e-13 * Math.abs(expected)) {
            throw new IllegalStateException("validation failed: " + array + "[" + i + "] = " + actual + ", expected " + expected);
        }
    }
}
