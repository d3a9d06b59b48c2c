/**
 * Statistics of benchmark samples: descriptive summaries with Student's t intervals
 * ({@link dev.cvbench.reports.stats.Statistics}), HdrHistogram latency percentiles
 * ({@link dev.cvbench.reports.stats.LatencyPercentiles}), seeded bootstrap ratios to the host
 * ({@link dev.cvbench.reports.stats.Ratios}), and {@link dev.cvbench.reports.stats.Analysis}, which fills
 * them into a run result. No presentation here: an ArchUnit test keeps charts and formats out.
 */
package dev.cvbench.reports.stats;
