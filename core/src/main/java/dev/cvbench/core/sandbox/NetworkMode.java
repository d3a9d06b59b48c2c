package dev.cvbench.core.sandbox;

import java.util.Objects;

/** How an instance is networked. */
public sealed interface NetworkMode {
    /** Only a loopback interface. */
    record None() implements NetworkMode {}

    /** Its own interface and address on the shared {@code cvbench0} bridge (containers and VMs alike). */
    record Bridge() implements NetworkMode {}

    /** The host's network stack. */
    record Host() implements NetworkMode {}

    /** The network namespace of another running instance: one localhost shared by both. */
    record SharedWith(Instance other) implements NetworkMode {
        public SharedWith {
            Objects.requireNonNull(other, "other");
        }
    }

    static NetworkMode none() {
        return new None();
    }

    static NetworkMode bridge() {
        return new Bridge();
    }

    static NetworkMode host() {
        return new Host();
    }

    static NetworkMode sharedWith(Instance other) {
        return new SharedWith(other);
    }
}
