package dev.cvbench.container.lifecycle;

import dev.cvbench.container.ContainerException;
import java.util.ArrayDeque;
import java.util.Deque;

/** Undo actions registered as a create proceeds, run newest first if it fails: nothing half-created. */
final class Rollback {
    interface Undo {
        void run() throws ContainerException;
    }

    private final Deque<Undo> steps = new ArrayDeque<>();

    void add(Undo u) {
        steps.push(u);
    }

    /** Runs every undo step; failures are attached to the original error as suppressed. */
    void undo(Throwable cause) {
        while (!steps.isEmpty()) {
            try {
                steps.pop().run();
            } catch (ContainerException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
