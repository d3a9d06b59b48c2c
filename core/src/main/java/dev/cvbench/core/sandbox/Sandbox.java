package dev.cvbench.core.sandbox;

import java.util.Map;
import java.util.Set;

/**
 * An isolation technology that can launch {@link Instance}s: the host itself, cvbench's container runtime,
 * libvirt VMs. Workloads only talk to this interface, so the same workload runs everywhere.
 *
 * <p>Implementations are thread-safe; {@link #close()} tears down every instance still alive.
 */
public interface Sandbox extends AutoCloseable {
    SandboxKind kind();

    /** Whether this sandbox can run on this machine, checked without side effects. */
    Availability availability();

    Set<Capability> capabilities();

    /**
     * Facts that qualify every number this sandbox produces, recorded with each result: for a VM
     * {@code domain_type=kvm|qemu} and {@code emulated=true|false}; runtime and kernel versions.
     */
    Map<String, String> facts();

    /** Launches an instance; it runs until its command ends or it is stopped. */
    Instance launch(InstanceSpec spec) throws SandboxException;

    @Override
    void close();
}
