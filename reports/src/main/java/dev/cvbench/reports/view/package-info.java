/**
 * What every report shows, independent of its format: the arrangement of a run
 * ({@link dev.cvbench.reports.view.ReportModel}), how numbers are written
 * ({@link dev.cvbench.reports.view.Numbers}, locale-independent) and how sandboxes look
 * ({@link dev.cvbench.reports.view.SandboxStyle}: one color per kind, the emulation marker).
 */
package dev.cvbench.reports.view;
