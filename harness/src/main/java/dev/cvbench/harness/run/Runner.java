package dev.cvbench.harness.run;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.result.Outcome;
import dev.cvbench.core.result.SandboxInfo;
import dev.cvbench.core.result.Series;
import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.core.workload.WorkloadContext;
import dev.cvbench.core.workload.WorkloadException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Executes a {@link RunPlan}: opens each sandbox once, runs every step's warm-up and measured repetitions,
 * and turns failures into {@link Outcome}s so one broken pair never loses the rest of the run. Sandboxes
 * are closed (tearing down whatever they still run) when the run ends, normally or not.
 */
public final class Runner {
    /** What the runner produced, before statistics. */
    public record Collected(List<SandboxInfo> sandboxes, List<Series> series, List<Outcome> outcomes) {}

    private final Function<SandboxKind, Sandbox> opener;
    private final RunListener listener;

    public Runner(Function<SandboxKind, Sandbox> opener, RunListener listener) {
        this.opener = opener;
        this.listener = listener;
    }

    public Collected run(RunPlan plan) throws InterruptedException {
        Map<SandboxKind, Sandbox> open = new EnumMap<>(SandboxKind.class);
        List<SandboxInfo> infos = new ArrayList<>();
        List<Series> series = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (SandboxKind kind : plan.runtimes()) {
                listener.sandboxOpening(kind);
                Sandbox s = opener.apply(kind);
                open.put(kind, s);
                Teardown.register(s);
                Availability a = s.availability();
                infos.add(new SandboxInfo(kind.id(), a.available(), a.available() ? "" : a.reason(), a.available() ? s.facts() : Map.of()));
                listener.sandboxReady(kind, a.available(), a.reason());
            }
            int index = 0;
            for (Step step : plan.steps()) {
                listener.stepStarted(step, ++index, plan.steps().size());
                Outcome outcome = runStep(step, open.get(step.sandbox()), series);
                if (outcome != null) {
                    outcomes.add(outcome);
                }
                listener.stepFinished(step, outcome);
            }
        } finally {
            for (Sandbox s : open.values()) {
                s.close();
                Teardown.deregister(s);
            }
        }
        return new Collected(infos, series, outcomes);
    }

    private Outcome runStep(Step step, Sandbox sandbox, List<Series> out) throws InterruptedException {
        String workload = step.workload().name();
        String kind = step.sandbox().id();
        Availability a = sandbox.availability();
        if (!a.available()) {
            return Outcome.skipped(workload, kind, kind + " not available: " + a.reason());
        }
        Set<Capability> missing = new TreeSet<>(step.workload().requires());
        missing.removeAll(sandbox.capabilities());
        if (!missing.isEmpty()) {
            return Outcome.skipped(workload, kind, kind + " lacks " + missing.toString().toLowerCase(java.util.Locale.ROOT));
        }
        SeriesBuilder builder = new SeriesBuilder(step, sandbox.facts());
        int total = step.warmup() + step.repetitions();
        for (int r = 0; r < total; r++) {
            boolean warmup = r < step.warmup();
            listener.repetitionStarted(step, r + 1, total, warmup);
            WorkloadContext ctx = new WorkloadContext(sandbox, step.parameters(), r, warmup, step.timeout());
            try {
                List<Measurement> measurements = step.workload().run(ctx);
                if (!warmup) {
                    builder.add(r - step.warmup(), measurements);
                }
            } catch (WorkloadException e) {
                return Outcome.failed(workload, kind, e.getMessage(), e.lastLines());
            } catch (RuntimeException e) {
                return Outcome.failed(workload, kind, workload + " in " + kind + ": " + e, List.of());
            }
        }
        if (builder.isEmpty()) {
            return Outcome.failed(workload, kind, workload + " in " + kind + ": produced no measurements", List.of());
        }
        out.addAll(builder.build());
        return null;
    }
}
