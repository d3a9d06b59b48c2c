package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.vm.spec.MemorySize;
import java.util.OptionalDouble;

/**
 * How big a VM is made for an {@link InstanceSpec}: a pure function, unit tested.
 *
 * <p>Memory: the spec's limit when it has one; otherwise enough for what the workload says it needs (option
 * {@value #MIN_MEMORY_OPTION}, e.g. a STREAM run's heap) plus {@value #GUEST_OVERHEAD_MIB} MiB for the guest
 * kernel and the unpacked initramfs (the JRE lives in RAM, in the initramfs' tmpfs), and never less than
 * {@value #FLOOR_MIB} MiB. Worked example: {@code min_memory_mb=600} gives 856 MiB, so the floor wins: 1 GiB;
 * {@code min_memory_mb=1100} gives 1356 MiB.
 *
 * <p>vCPUs: the spec's CPU count rounded up (a VM cannot have half a vCPU), else one per host core.
 */
public final class VmSizing {
    /** The instance option holding the memory (MiB) the command needs inside the instance. */
    public static final String MIN_MEMORY_OPTION = "min_memory_mb";
    /** Guest kernel, page tables and the unpacked initramfs. */
    public static final int GUEST_OVERHEAD_MIB = 256;
    /** The smallest VM cvbench boots. */
    public static final int FLOOR_MIB = 1024;

    private VmSizing() {}

    /**
     * The guest memory for {@code spec}.
     *
     * @throws HarnessException.BadInput when {@value #MIN_MEMORY_OPTION} is not a positive number
     */
    public static MemorySize memory(InstanceSpec spec) throws HarnessException.BadInput {
        if (spec.memoryBytes().isPresent()) {
            long bytes = spec.memoryBytes().getAsLong();
            return new MemorySize(Math.max(1, (bytes + 1023) / 1024));
        }
        long needed = 0;
        String min = spec.options().get(MIN_MEMORY_OPTION);
        if (min != null) {
            try {
                needed = Long.parseLong(min.trim());
            } catch (NumberFormatException e) {
                needed = -1;
            }
            if (needed <= 0) {
                throw new HarnessException.BadInput(MIN_MEMORY_OPTION + " must be a positive number of MiB, was '" + min + "'");
            }
            needed += GUEST_OVERHEAD_MIB;
        }
        return MemorySize.ofMiB(Math.max(FLOOR_MIB, needed));
    }

    /** The vCPU count for {@code spec} on a host with {@code hostCores} cores. */
    public static int vcpus(InstanceSpec spec, int hostCores) {
        OptionalDouble cpus = spec.cpus();
        if (cpus.isPresent()) {
            return (int) Math.max(1, Math.ceil(cpus.getAsDouble() - 1e-9));
        }
        return Math.max(1, hostCores);
    }
}
