package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.harness.sandbox.ForwardingInstance;
import dev.cvbench.vm.Vm;
import java.util.List;

/**
 * A VM as a sandbox instance: the {@link Vm} itself, with the sandbox's phases ({@link VmPhases}: launch
 * requested when {@code launch} was called, {@code exited} when the guest command finished) and a close action
 * that also returns the VM's address to the pool.
 */
final class VmInstance extends ForwardingInstance {
    private final Vm vm;
    private final long requestedNanos;
    private final Runnable onClose;
    private boolean closed;

    VmInstance(Vm vm, long requestedNanos, Runnable onClose) {
        super(vm);
        this.vm = vm;
        this.requestedNanos = requestedNanos;
        this.onClose = onClose;
    }

    Vm vm() {
        return vm;
    }

    @Override
    public List<PhaseMark> phases() {
        return VmPhases.of(requestedNanos, vm.phases());
    }

    /** Destroys the domain if it still runs, then releases the address. Idempotent, never throws. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            vm.close();
        } finally {
            onClose.run();
        }
    }
}
