package dev.cvbench.core.sandbox;

/**
 * What a {@link Sandbox} can do. A workload declares the capabilities it needs; where a sandbox lacks
 * one, the workload is skipped for that sandbox with a reason in the results, never silently dropped.
 */
public enum Capability {
    /** Runs the cvbench agent (the same jar in every environment). */
    AGENT,
    /** An instance has its own network interface on the shared {@code cvbench0} bridge. */
    NETWORK_BRIDGE,
    /** An instance can use the host's network stack. */
    NETWORK_HOST,
    /** An instance can join another instance's network namespace (one shared localhost). */
    NETWORK_SHARE,
    /** An instance can share another instance's IPC namespace (SysV/POSIX shm, semaphores, queues). */
    IPC_SHARE,
    /** Bind mounts of host directories (FIFOs, UNIX sockets, mmapped files cross the boundary). */
    VOLUME_HOST_DIR,
    /** Named volumes shared between instances. */
    VOLUME_NAMED,
    /** {@code --volumes-from}: mount every volume of another instance. */
    VOLUMES_FROM,
    /** Memory limits are enforced. */
    MEMORY_LIMIT,
    /** CPU quota / cpuset limits are enforced. */
    CPU_LIMIT,
    /** {@link Instance#memoryFootprint()} returns real numbers. */
    MEMORY_FOOTPRINT,
    /** An RDMA device (InfiniBand or soft-RoCE) is available inside the instance. */
    RDMA
}
