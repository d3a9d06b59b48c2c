package dev.cvbench.harness.progress;

import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.run.RunListener;
import dev.cvbench.harness.run.Step;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on an interactive terminal: one status line rewritten in place (which workload, which sandbox,
 * repetition k of N, elapsed), and one permanent line per finished step. Quiet when stdout is not a
 * terminal, so logs and pipes get only the final summary.
 */
public final class TerminalProgress implements RunListener {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private long stepStart;
    private String status = "";

    private TerminalProgress(PrintStream out) {
        this.out = out;
    }

    /** A terminal progress display when stdout is a terminal, else {@link RunListener#NONE}. */
    public static RunListener forStdout() {
        return System.console() != null ? new TerminalProgress(System.out) : RunListener.NONE;
    }

    @Override
    public void sandboxOpening(SandboxKind kind) {
        show("preparing " + kind + " sandbox");
    }

    @Override
    public void note(String line) {
        show(line);
    }

    @Override
    public void sandboxReady(SandboxKind kind, boolean available, String reason) {
        if (!available) {
            permanent("  " + kind + ": not available: " + reason);
        }
    }

    @Override
    public void stepStarted(Step step, int index, int total) {
        stepStart = System.nanoTime();
        status = String.format(Locale.ROOT, "[%d/%d] %s", index, total, step.label());
        show(status);
    }

    @Override
    public void repetitionStarted(Step step, int repetition, int total, boolean warmup) {
        show(String.format(Locale.ROOT, "%s  %s %d/%d", status, warmup ? "warm-up" : "rep", repetition, total));
    }

    @Override
    public void stepFinished(Step step, Outcome outcome) {
        double secs = (System.nanoTime() - stepStart) / 1e9;
        String mark = outcome == null ? "ok     " : outcome.status().equals(Outcome.SKIPPED) ? "skipped" : "FAILED ";
        String why = outcome == null ? "" : "  " + outcome.reason();
        permanent(String.format(Locale.ROOT, "  %s %-32s %6.1f s%s", mark, step.label(), secs, why));
    }

    private void show(String line) {
        String text = String.format(Locale.ROOT, "%s  %s", line, elapsed());
        out.print("\r\033[2K" + text);
        out.flush();
    }

    private void permanent(String line) {
        out.print("\r\033[2K");
        out.println(line);
        out.flush();
    }

    private String elapsed() {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
