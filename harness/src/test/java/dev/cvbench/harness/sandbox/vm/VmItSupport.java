package dev.cvbench.harness.sandbox.vm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.vm.VmAvailability;
import java.nio.file.Path;

/**
 * Shared settings of the VM integration tests: one short state root (UNIX socket paths are limited to 107
 * bytes; one embedded libvirt root per JVM) and one cache, so the guest image and kernel are built once across
 * test classes and runs.
 */
public final class VmItSupport {
    /** State root of in-process VM tests; the failsafe JVM opens one embedded libvirt root, under it. */
    public static final Path STATE = Path.of("/run/cvbench-it-vm");
    /** Images and kernels, kept between runs. */
    public static final Path CACHE = Path.of("/var/tmp/cvbench-it-cache");

    private VmItSupport() {}

    /** Skips the calling test, with the reason and the fix printed, when VMs cannot run here. */
    public static void assumeVmsCanRun() {
        Availability a = VmAvailability.embedded();
        if (!a.available()) {
            System.err.println("skipping VM integration test: " + a.reason() + " (fix: " + a.fix() + ")");
        }
        assumeTrue(a.available(), () -> "VMs cannot run here: " + a.reason() + " (fix: " + a.fix() + ")");
    }
}
