package dev.cvbench.harness.run;

import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.result.Sample;
import dev.cvbench.core.result.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the measurements of a step's repetitions into one {@link Series} per (metric, tags), keeping
 * every raw value with its repetition and iteration.
 */
final class SeriesBuilder {
    private record Key(String metric, Map<String, String> tags) {}

    private final Step step;
    private final Map<String, String> sandboxFacts;
    private final Map<Key, Metric> metrics = new LinkedHashMap<>();
    private final Map<Key, List<Sample>> samples = new LinkedHashMap<>();

    SeriesBuilder(Step step, Map<String, String> sandboxFacts) {
        this.step = step;
        this.sandboxFacts = sandboxFacts;
    }

    void add(int repetition, List<Measurement> measurements) {
        for (Measurement m : measurements) {
            Key key = new Key(m.metric().name(), new TreeMap<>(m.tags()));
            Metric previous = metrics.putIfAbsent(key, m.metric());
            if (previous != null && !previous.unit().equals(m.metric().unit())) {
                throw new IllegalStateException(m.metric().name() + " changed unit from " + previous.unit() + " to " + m.metric().unit());
            }
            List<Sample> list = samples.computeIfAbsent(key, k -> new ArrayList<>());
            for (int i = 0; i < m.values().size(); i++) {
                list.add(new Sample(repetition, i, m.values().get(i)));
            }
        }
    }

    boolean isEmpty() {
        return samples.isEmpty();
    }

    List<Series> build() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Key, List<Sample>> e : samples.entrySet()) {
            Map<String, String> facts = new TreeMap<>(sandboxFacts);
            facts.putAll(e.getKey().tags());
            out.add(new Series(step.workload().name(), step.sandbox().id(), step.parameters(), metrics.get(e.getKey()),
                    facts, e.getValue(), null, null));
        }
        return out;
    }
}
