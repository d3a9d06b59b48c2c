package dev.cvbench.vm;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.vm.boot.BootPhases;
import dev.cvbench.vm.boot.ConsoleLog;
import dev.cvbench.vm.boot.ConsoleServer;
import dev.cvbench.vm.host.ProcessMemory;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.VmNetwork;
import dev.cvbench.vm.spec.VmSpec;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * One booted VM: a transient libvirt domain, its console, and its boot phases. Implements core's
 * {@link Instance}, so the harness can hand it to workloads as is.
 *
 * <p>The guest's life: {@link VmRuntime#boot} returns once /init has started; the guest command runs, /init
 * prints {@code cvbench-init: exit N} and powers off; QEMU exits and the domain disappears. {@link #waitForExit}
 * returns N. {@link #close()} destroys the domain if it is still there, always, and is idempotent.
 */
public final class Vm implements Instance {
    private static final Pattern INIT_STARTED = Pattern.compile(Pattern.quote(BootPhases.INIT_STARTED_LINE));
    private static final int LAST_LINES = 12;

    private final VmRuntime runtime;
    private final VmSpec spec;
    private final DomainType type;
    private final ConsoleLog console;
    private final ConsoleServer server;
    private final long launchNanos;
    private final long runningNanos;
    private volatile long goneNanos = -1;
    private volatile boolean closed;

    Vm(VmRuntime runtime, VmSpec spec, DomainType type, ConsoleLog console, ConsoleServer server, long launchNanos,
            long runningNanos) {
        this.runtime = runtime;
        this.spec = spec;
        this.type = type;
        this.console = console;
        this.server = server;
        this.launchNanos = launchNanos;
        this.runningNanos = runningNanos;
    }

    @Override
    public String id() {
        return spec.domainName();
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.VM;
    }

    public VmSpec spec() {
        return spec;
    }

    /** The domain type this VM actually runs with (never AUTO). */
    public DomainType domainType() {
        return type;
    }

    @Override
    public List<ConsoleLine> lines() {
        return console.lines();
    }

    @Override
    public ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException, InterruptedException {
        return console.waitFor(pattern, timeout);
    }

    /**
     * Waits for {@code cvbench-init: started}.
     *
     * @throws VmException.BootTimeout with the last console lines, when it does not come in time or the guest
     *     ends first (bad initramfs, kernel panic)
     */
    public void awaitInit(Duration timeout) throws VmException.BootTimeout, InterruptedException {
        try {
            console.waitFor(INIT_STARTED, timeout);
        } catch (TimeoutException e) {
            throw new VmException.BootTimeout(id(), "init ('" + BootPhases.INIT_STARTED_LINE + "')",
                    timeout.toMillis(), console.lastLines(LAST_LINES));
        }
    }

    /**
     * Waits until the domain is gone and returns the guest command's exit status.
     *
     * @throws VmException.BootTimeout when the guest is still running after {@code timeout} (it is left running:
     *     call {@link #close()})
     * @throws VmException.GuestFailed when the guest ended without reporting a status (panic, crash)
     */
    public int awaitExit(Duration timeout) throws VmException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!console.awaitEnd(timeout)) {
            throw new VmException.BootTimeout(id(), "exit", timeout.toMillis(), console.lastLines(LAST_LINES));
        }
        awaitGone(Math.max(Duration.ofSeconds(5).toNanos(), deadline - System.nanoTime()));
        OptionalInt status = exitCode();
        if (status.isEmpty()) {
            throw new VmException.GuestFailed(id(), console.lastLines(LAST_LINES));
        }
        return status.getAsInt();
    }

    /** {@inheritDoc} Returns -1 when the guest ended without reporting a status (see {@link #awaitExit}). */
    @Override
    public int waitForExit(Duration timeout) throws TimeoutException, InterruptedException {
        try {
            return awaitExit(timeout);
        } catch (VmException.BootTimeout e) {
            throw new TimeoutException(e.getMessage());
        } catch (VmException e) {
            return -1;
        }
    }

    @Override
    public OptionalInt exitCode() {
        return BootPhases.exitStatus(console.lines());
    }

    @Override
    public Optional<InetAddress> address() {
        if (spec.network() instanceof VmNetwork.Bridge b) {
            return b.address().map(a -> a.address());
        }
        return Optional.empty();
    }

    @Override
    public List<PhaseMark> phases() {
        long gone = goneNanos;
        return BootPhases.of(launchNanos, console.connectedNanos(), OptionalLong.of(runningNanos),
                console.firstByteNanos(), console.lines(), gone < 0 ? OptionalLong.empty() : OptionalLong.of(gone));
    }

    /** The QEMU process, while it runs. */
    public OptionalLong qemuPid() {
        return runtime.qemuPid(id());
    }

    /**
     * PSS and RSS of the QEMU process (guest RAM the guest has touched, plus QEMU itself). With the embedded
     * driver libvirt lives inside this JVM and adds no process of its own.
     */
    @Override
    public Footprint memoryFootprint() {
        OptionalLong pid = qemuPid();
        return pid.isPresent() ? ProcessMemory.of(pid.getAsLong()) : Footprint.unknown();
    }

    /**
     * Asks the guest to power off (ACPI power button), waits up to {@code grace} for it, then destroys the
     * domain. cvbench's /init does not listen for the power button, so this ends in a destroy unless the
     * guest command is about to finish anyway.
     */
    @Override
    public void stop(Duration grace) {
        runtime.requestShutdown(id());
        try {
            if (console.awaitEnd(grace)) {
                awaitGone(Duration.ofSeconds(5).toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** Destroys the domain if it still exists, closes the console, and forgets the VM. Never throws. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (runtime.destroyIfPresent(id()) && goneNanos < 0) {
                goneNanos = System.nanoTime();
            }
        } finally {
            server.close();
            runtime.forget(this);
        }
    }

    /** Polls libvirt until the domain is gone (transient domains vanish once QEMU has been reaped). */
    private void awaitGone(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (goneNanos < 0) {
            if (!runtime.domainExists(id())) {
                goneNanos = System.nanoTime();
                return;
            }
            if (System.nanoTime() > deadline) {
                return;
            }
            Thread.sleep(2);
        }
    }
}
