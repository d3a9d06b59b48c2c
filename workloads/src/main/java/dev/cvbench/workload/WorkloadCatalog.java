package dev.cvbench.workload;

import dev.cvbench.core.workload.Workload;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every workload on the class path, found through {@link ServiceLoader}, by name. */
public final class WorkloadCatalog {
    private final Map<String, Workload> byName;

    private WorkloadCatalog(Map<String, Workload> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static WorkloadCatalog load() {
        Map<String, Workload> m = new TreeMap<>();
        for (Workload w : ServiceLoader.load(Workload.class)) {
            Workload prev = m.put(w.name(), w);
            if (prev != null) {
                throw new IllegalStateException("two workloads named " + w.name() + ": " + prev.getClass() + ", " + w.getClass());
            }
        }
        return new WorkloadCatalog(m);
    }

    public Optional<Workload> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Map<String, Workload> all() {
        return byName;
    }
}
