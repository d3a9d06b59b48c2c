package dev.cvbench.harness.run;

import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.sandbox.SandboxKind;

/** Events of a run, for progress display. Default methods do nothing. */
public interface RunListener {
    default void sandboxOpening(SandboxKind kind) {}

    /** A line about long preparation work (building the guest image, fetching a kernel). */
    default void note(String line) {}

    default void sandboxReady(SandboxKind kind, boolean available, String reason) {}

    default void stepStarted(Step step, int index, int total) {}

    /** @param repetition 1-based, warm-up repetitions counted first */
    default void repetitionStarted(Step step, int repetition, int total, boolean warmup) {}

    /** @param outcome null when the step produced series */
    default void stepFinished(Step step, Outcome outcome) {}

    RunListener NONE = new RunListener() {};
}
