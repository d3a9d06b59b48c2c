package dev.cvbench.container.init;

import java.time.Duration;

/**
 * The sync protocol between this runtime and cvinit (see also src/main/c/cvinit.h and
 * PROTOCOL.md, which must agree with this diagram):
 *
 * <pre>
 *   Java runtime                      cvinit stage 0 [0:PARENT]          cvinit stage 1 [1:CHILD]
 *   ------------                      -------------------------          ------------------------
 *   listen on &lt;state&gt;/init.sock
 *   spawn cvinit &lt;sock&gt; ------------&gt; connect
 *   CONFIG lines ... "END" ---------&gt; parse config
 *                                     setns(path) / unshare(new) for
 *                                     pid, net, ipc, uts (not mnt/cgroup)
 *                                     fork() -------------------------&gt;  (PID 1 in the new pid ns)
 *                                     monitor: waitpid, exit file
 *        &lt;------------------------------------------------------------  READY_FOR_CGROUP &lt;hostpid&gt;
 *   cgroups: add &lt;hostpid&gt;
 *   CGROUP_DONE ------------------------------------------------------&gt;
 *        &lt;------------------------------------------------------------  NETNS_READY
 *   NetworkAttacher.attach(/proc/&lt;hostpid&gt;/ns/net)
 *   NETWORK_DONE -----------------------------------------------------&gt;
 *                                                                       cgroup ns, mount ns, rootfs
 *                                                                       mounts, /dev, pivot_root,
 *                                                                       masked/ro paths, hostname,
 *                                                                       rlimits, creds, caps, nnp
 *        &lt;------------------------------------------------------------  READY_TO_EXEC
 *   state.json: created
 *   CREATED ----------------------------------------------------------&gt;
 *   (detached: close the socket)                                        open exec fifo: blocks
 *   start: open the exec fifo, read ---------------------------------&gt;  write "0", execve(argv)
 * </pre>
 *
 * Any stage may instead send {@code ERROR {"stage":..,"errno":..,"message":..}} and exit with
 * {@link #EXIT_INIT_FAILED}. Messages are lines {@code TYPE[ ARG]}. Every read has a timeout on
 * both sides. While attached (library, foreground run), stage 0 kills the container when the
 * socket closes, so a runtime killed with SIGKILL takes its containers with it.
 */
public final class InitProtocol {
    public static final String READY_FOR_CGROUP = "READY_FOR_CGROUP";
    public static final String CGROUP_DONE = "CGROUP_DONE";
    public static final String NETNS_READY = "NETNS_READY";
    public static final String NETWORK_DONE = "NETWORK_DONE";
    public static final String READY_TO_EXEC = "READY_TO_EXEC";
    public static final String CREATED = "CREATED";
    public static final String ERROR = "ERROR";
    public static final String END = "END";

    /** cvinit's exit status when it failed before execve. */
    public static final int EXIT_INIT_FAILED = 125;

    /** How long the runtime waits for any one message from cvinit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private InitProtocol() {}
}
