/**
 * Report formats as an enum and a factory, like JMH's {@code ResultFormatType}: the public types are
 * {@link dev.cvbench.reports.format.ReportFormat}, {@link dev.cvbench.reports.format.ReportRenderer} and
 * {@link dev.cvbench.reports.format.ReportRenderers}; the implementations are package-private.
 */
package dev.cvbench.reports.format;
