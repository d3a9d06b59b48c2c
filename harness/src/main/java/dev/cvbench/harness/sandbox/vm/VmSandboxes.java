package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.UnavailableSandbox;

/** Opens the {@code vm} sandbox: libvirt domains booting the guest image as an initramfs. */
public final class VmSandboxes {
    private VmSandboxes() {}

    /**
     * The vm sandbox with the factory's directories, the embedded libvirt driver and the cloud kernel; when VMs
     * cannot run here, an {@link UnavailableSandbox} that says why and what fixes it (the run reports it).
     */
    public static Sandbox open(SandboxFactory factory) {
        VmSandboxConfig config = VmSandboxConfig.of(factory);
        Availability a = VmSandbox.availability(config);
        if (!a.available()) {
            return new UnavailableSandbox(SandboxKind.VM, a.reason(), a.fix());
        }
        try {
            return VmSandbox.open(config);
        } catch (HarnessException e) {
            return new UnavailableSandbox(SandboxKind.VM, e.getMessage(), "./cvbench doctor");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UnavailableSandbox(SandboxKind.VM, "interrupted while preparing the VM sandbox", "");
        }
    }

    /** What cleans up after interrupted VM runs ({@code doctor --clean}, the start of a run). */
    public static VmCleaner cleaner(SandboxFactory factory) {
        return new VmCleaner(factory.stateDir());
    }
}
