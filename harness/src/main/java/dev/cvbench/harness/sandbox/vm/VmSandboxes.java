package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxKind;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.UnavailableSandbox;

/** Opens the {@code vm} sandbox: libvirt domains booting the guest image as an initramfs. */
public final class VmSandboxes {
    private VmSandboxes() {}

    public static Sandbox open(SandboxFactory factory) {
        return new UnavailableSandbox(SandboxKind.VM, "not available yet: the VM sandbox adapter is not wired", "update cvbench");
    }
}
