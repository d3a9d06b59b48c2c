package dev.cvbench.core.result;

/**
 * A series' median divided by the host's median for the same workload, parameters and metric, with a
 * 95% interval (bootstrap over both sample sets). 1.0 is native; for a higher-is-better metric 0.9 means
 * 10% slower than the host.
 */
public record Ratio(double value, Double ciLow, Double ciHigh) {}
