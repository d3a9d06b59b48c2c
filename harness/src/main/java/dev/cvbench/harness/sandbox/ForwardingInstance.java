package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Footprint;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.sandbox.SandboxKind;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** An {@link Instance} that forwards every call, for wrappers that add bookkeeping. */
public class ForwardingInstance implements Instance {
    private final Instance delegate;

    public ForwardingInstance(Instance delegate) {
        this.delegate = delegate;
    }

    protected Instance delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public SandboxKind kind() {
        return delegate.kind();
    }

    @Override
    public List<ConsoleLine> lines() {
        return delegate.lines();
    }

    @Override
    public ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException, InterruptedException {
        return delegate.waitFor(pattern, timeout);
    }

    @Override
    public int waitForExit(Duration timeout) throws TimeoutException, InterruptedException {
        return delegate.waitForExit(timeout);
    }

    @Override
    public OptionalInt exitCode() {
        return delegate.exitCode();
    }

    @Override
    public Optional<InetAddress> address() {
        return delegate.address();
    }

    @Override
    public List<PhaseMark> phases() {
        return delegate.phases();
    }

    @Override
    public Footprint memoryFootprint() {
        return delegate.memoryFootprint();
    }

    @Override
    public void stop(Duration grace) {
        delegate.stop(grace);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
