package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.PhaseMark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A thread-safe, append-only record of an instance's phases; each name is recorded once. */
public final class Phases {
    private final List<PhaseMark> marks = new ArrayList<>();

    public synchronized void mark(String name) {
        mark(name, System.nanoTime());
    }

    public synchronized void mark(String name, long nanos) {
        if (marks.stream().noneMatch(m -> m.name().equals(name))) {
            marks.add(new PhaseMark(name, nanos));
        }
    }

    public synchronized List<PhaseMark> list() {
        List<PhaseMark> copy = new ArrayList<>(marks);
        copy.sort(Comparator.comparingLong(PhaseMark::nanos));
        return copy;
    }
}
