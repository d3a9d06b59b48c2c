package dev.cvbench.core.sandbox;

import java.util.Objects;

/** How an instance's IPC namespace (SysV/POSIX shared memory, semaphores, message queues) is set up. */
public sealed interface IpcMode {
    /** Its own IPC namespace. */
    record Private() implements IpcMode {}

    /** The host's IPC namespace. */
    record Host() implements IpcMode {}

    /** The IPC namespace of another running instance. */
    record SharedWith(Instance other) implements IpcMode {
        public SharedWith {
            Objects.requireNonNull(other, "other");
        }
    }

    static IpcMode isolated() {
        return new Private();
    }

    static IpcMode host() {
        return new Host();
    }

    static IpcMode sharedWith(Instance other) {
        return new SharedWith(other);
    }
}
