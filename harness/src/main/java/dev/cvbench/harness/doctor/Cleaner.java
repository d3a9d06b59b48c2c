package dev.cvbench.harness.doctor;

import java.util.List;

/**
 * Removes what an interrupted or SIGKILLed cvbench left behind (containers' cgroups, mounts, veths, netns,
 * IPAM leases and state dirs; VM domains and QEMU processes). Run by {@code cvbench doctor --clean} and at
 * the start of every run.
 */
public interface Cleaner {
    /** What this cleaner looks after, for messages ("containers", "vms"). */
    String name();

    /** Removes every leftover and returns one line per thing removed; never throws for one stuck item. */
    List<String> clean();
}
