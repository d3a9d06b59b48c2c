package dev.cvbench.core.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/** A filesystem shared into an instance. */
public sealed interface Volume {
    /** A host directory bind-mounted at {@code target}. */
    record HostDir(Path source, String target, boolean readOnly) implements Volume {
        public HostDir {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
        }
    }

    /** A named volume kept by the sandbox (created on first use) mounted at {@code target}. */
    record Named(String name, String target, boolean readOnly) implements Volume {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }
    }

    /** Every volume of another instance, at the same targets ({@code --volumes-from}). */
    record From(Instance other) implements Volume {
        public From {
            Objects.requireNonNull(other, "other");
        }
    }

    static Volume hostDir(Path source, String target) {
        return new HostDir(source, target, false);
    }

    static Volume named(String name, String target) {
        return new Named(name, target, false);
    }

    static Volume from(Instance other) {
        return new From(other);
    }
}
