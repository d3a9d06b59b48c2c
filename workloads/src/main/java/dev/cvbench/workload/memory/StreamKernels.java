package dev.cvbench.workload.memory;

/**
 * The four STREAM kernels (McCalpin), each over a half-open index range so threads can split the arrays.
 * Written as plain counted loops so C2 unrolls and vectorises them; keep them that way.
 *
 * <pre>
 * copy:  c[i] = a[i]              16 bytes per element moved
 * scale: b[i] = s * c[i]          16
 * add:   c[i] = a[i] + b[i]       24
 * triad: a[i] = b[i] + s * c[i]   24
 * </pre>
 */
public final class StreamKernels {
    /** Bytes moved per element, in kernel order copy, scale, add, triad. */
    static final int[] BYTES_PER_ELEMENT = {16, 16, 24, 24};

    static final String[] NAMES = {"copy", "scale", "add", "triad"};

    private StreamKernels() {}

    public static void copy(double[] a, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i];
        }
    }

    public static void scale(double[] b, double[] c, double s, int from, int to) {
        for (int i = from; i < to; i++) {
            b[i] = s * c[i];
        }
    }

    public static void add(double[] a, double[] b, double[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            c[i] = a[i] + b[i];
        }
    }

    public static void triad(double[] a, double[] b, double[] c, double s, int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = b[i] + s * c[i];
        }
    }

    /** Runs kernel {@code k} (0..3, in {@link #NAMES} order) over {@code [from, to)}. */
    static void run(int k, double[] a, double[] b, double[] c, double s, int from, int to) {
        switch (k) {
            case 0 -> copy(a, c, from, to);
            case 1 -> scale(b, c, s, from, to);
            case 2 -> add(a, b, c, from, to);
            case 3 -> triad(a, b, c, s, from, to);
            default -> throw new IllegalArgumentException("kernel " + k);
        }
    }
}
