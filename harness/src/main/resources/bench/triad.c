/*
 * Reference STREAM triad for `cvbench bench triad`: a[i] = b[i] + s * c[i] over three arrays of
 * doubles, OpenMP threads with a static schedule and first-touch initialisation, so it moves memory the
 * same way the Java agent does. Compiled at benchmark time with gcc -O3 -march=native -fopenmp.
 *
 * usage: triad <array-mb> <iterations> <threads>
 * prints one line per measured iteration: "triad_gb_per_s <value>" (GB = 1e9 bytes, 24 bytes/element)
 */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define WARMUP 2

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s <array-mb> <iterations> <threads>\n", argv[0]);
        return 2;
    }
    long n = atol(argv[1]) * 1024L * 1024L / (long) sizeof(double);
    int iterations = atoi(argv[2]);
    int threads = atoi(argv[3]);
    if (n <= 0 || iterations <= 0 || threads <= 0) {
        fprintf(stderr, "triad: arguments must be positive\n");
        return 2;
    }
    omp_set_num_threads(threads);
    double *a = malloc(n * sizeof(double));
    double *b = malloc(n * sizeof(double));
    double *c = malloc(n * sizeof(double));
    if (!a || !b || !c) {
        fprintf(stderr, "triad: cannot allocate 3 x %ld doubles\n", n);
        return 1;
    }
    const double s = 3.0;
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; i++) {
        a[i] = 2.0;
        b[i] = 2.0;
        c[i] = 0.5;
    }
    for (int k = 0; k < iterations + WARMUP; k++) {
        double t0 = now();
#pragma omp parallel for schedule(static)
        for (long i = 0; i < n; i++) {
            a[i] = b[i] + s * c[i];
        }
        double t = now() - t0;
        if (k >= WARMUP) {
            printf("triad_gb_per_s %.6f\n", 24.0 * n / t / 1e9);
        }
    }
    /* a depends on b and c only, so every element must be 2 + 3 * 0.5 = 3.5 */
    for (long i = 0; i < n; i += 4096) {
        if (a[i] != 3.5) {
            fprintf(stderr, "triad: validation failed at %ld: %f\n", i, a[i]);
            return 1;
        }
    }
    free(a);
    free(b);
    free(c);
    return 0;
}
