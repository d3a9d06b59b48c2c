package dev.cvbench.workload.memory;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;

/**
 * A fixed team of worker threads that run one STREAM kernel together, each over its own contiguous slice
 * of the arrays, released and collected by two barriers so the main thread can time the whole kernel.
 * The same slices are used for initialisation, so on NUMA hosts each thread touches its own pages first.
 */
final class StreamTeam implements AutoCloseable {
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final double scalar;
    private final int threads;
    private final CyclicBarrier start;
    private final CyclicBarrier end;
    private final Thread[] workers;
    private volatile int kernel;
    private volatile boolean stopping;
    private volatile Throwable failure;

    StreamTeam(double[] a, double[] b, double[] c, double scalar, int threads) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.scalar = scalar;
        this.threads = threads;
        this.start = new CyclicBarrier(threads + 1);
        this.end = new CyclicBarrier(threads + 1);
        this.workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int from = slice(t, threads, a.length);
            int to = slice(t + 1, threads, a.length);
            workers[t] = new Thread(() -> work(from, to), "stream-" + t);
            workers[t].setDaemon(true);
            workers[t].start();
        }
    }

    static int slice(int t, int threads, int length) {
        return (int) ((long) length * t / threads);
    }

    int threads() {
        return threads;
    }

    /** Runs kernel {@code k} (-1 = initialise) on all threads and returns the elapsed nanoseconds. */
    long time(int k) throws InterruptedException {
        kernel = k;
        long t0 = System.nanoTime();
        await(start);
        await(end);
        long elapsed = System.nanoTime() - t0;
        if (failure != null) {
            throw new IllegalStateException("stream worker failed: " + failure, failure);
        }
        return elapsed;
    }

    private void work(int from, int to) {
        try {
            while (true) {
                await(start);
                if (stopping) {
                    return;
                }
                int k = kernel;
                try {
                    if (k < 0) {
                        initialise(from, to);
                    } else {
                        StreamKernels.run(k, a, b, c, scalar, from, to);
                    }
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                await(end);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** STREAM's initial values: a = 1 then doubled once, b = 2, c = 0. */
    private void initialise(int from, int to) {
        for (int i = from; i < to; i++) {
            a[i] = 2.0;
            b[i] = 2.0;
            c[i] = 0.0;
        }
    }

    private static void await(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("stream team barrier broken", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        await(start);
        for (Thread w : workers) {
            w.join();
        }
    }
}
