package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.Instance;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances a sandbox launched and nobody has closed yet, so the sandbox's own {@code close()} can tear
 * down exactly those (and only those) when a run ends or is interrupted.
 */
public final class LiveInstances {
    private final Set<Instance> live = ConcurrentHashMap.newKeySet();

    /** Returns the handle to give out: it forgets the instance when closed. */
    public Instance track(Instance instance) {
        Instance tracked = new Tracked(instance);
        live.add(tracked);
        return tracked;
    }

    /** Closes every instance still live. */
    public void closeAll() {
        for (Instance i : new ArrayList<>(live)) {
            i.close();
        }
        live.clear();
    }

    private final class Tracked extends ForwardingInstance {
        Tracked(Instance delegate) {
            super(delegate);
        }

        @Override
        public void close() {
            super.close();
            live.remove(this);
        }
    }
}
