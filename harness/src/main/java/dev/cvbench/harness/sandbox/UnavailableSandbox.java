package dev.cvbench.harness.sandbox;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.sandbox.SandboxKind;
import java.util.Map;
import java.util.Set;

/** Stands in for a sandbox that cannot run here, so the run reports it (with the reason) instead of dropping it. */
public final class UnavailableSandbox implements Sandbox {
    private final SandboxKind kind;
    private final Availability availability;

    public UnavailableSandbox(SandboxKind kind, String reason, String fix) {
        this.kind = kind;
        this.availability = Availability.no(reason, fix);
    }

    @Override
    public SandboxKind kind() {
        return kind;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }

    @Override
    public Map<String, String> facts() {
        return Map.of();
    }

    @Override
    public Instance launch(InstanceSpec spec) throws SandboxException {
        throw new SandboxException.Unavailable(kind + " not available: " + availability.reason());
    }

    @Override
    public void close() {}
}
