/**
 * cvbench's reports: from a run's {@code results.json} to numbers people can trust and pages they can read.
 *
 * <pre>
 *   RunResult ──► stats.Analysis ──► RunResult with summaries and ratios (written back to results.json)
 *                                     │
 *                                     ▼
 *                               view.ReportModel  (per workload, per metric, one row per sandbox/variant)
 *                                     │
 *                      ┌──────────────┴──────────────┐
 *                      ▼                             ▼
 *               html.HtmlReport               format: MARKDOWN
 *          (inline CSS, JFreeChart SVG)     (one table per workload)
 * </pre>
 *
 * Pick a format with {@link dev.cvbench.reports.format.ReportFormat} and
 * {@link dev.cvbench.reports.format.ReportRenderers#of}. Every checked error is a
 * {@link dev.cvbench.reports.ReportException}.
 */
package dev.cvbench.reports;
