package dev.cvbench.container.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts containers (and VMs) on one bridged network through the standard CNI plugins: {@code loopback}
 * for {@code lo}, {@code bridge} for a veth pair into the bridge, {@code host-local} for addresses.
 * Containers and VMs share the bridge and the address pool, so they reach each other on one L2
 * segment, and the host reaches all of them through the gateway address on the bridge.
 *
 * <h2>A container</h2>
 * <pre>{@code
 * CniNetwork net = new CniNetwork(NetworkConfig.defaults(Path.of("/run/cvbench")));
 * Attachment a = net.attach("web1", Path.of("/proc/4242/ns/net"), "eth0");  // lo up, eth0 = 10.213.0.2/24
 * ...
 * net.detach("web1", Path.of("/proc/4242/ns/net"));   // also fine after the netns is gone
 * }</pre>
 * A {@code none}-mode container calls {@link #attachLoopbackOnly} instead; {@code host} and
 * {@code container:<id>} modes create no netns and need nothing from this class.
 *
 * <h2>A VM</h2>
 * <pre>{@code
 * net.ensureBridge();                               // cvbench0 up with 10.213.0.1/24
 * IpAssignment ip = net.allocateAddress("vm-db1");  // 10.213.0.3/24 via 10.213.0.1
 * // libvirt: <interface type='bridge'><source bridge='cvbench0'/>, guest: ip.kernelIpArgument("eth0")
 * net.releaseAddress("vm-db1");
 * }</pre>
 * Owner ids share one namespace across containers and VMs: give VMs distinct names.
 *
 * <h2>Crash recovery</h2>
 * Each attachment is recorded under {@code <state>/cni/attachments} before ADD runs;
 * {@link #cleanupStale(Set)} undoes attachments and leases of owners that no longer exist.
 *
 * <p>Thread-safe for different owner ids; host-local serialises address allocation with its own lock.
 */
public final class CniNetwork {
    /** The interface name used when a caller does not pick one. */
    public static final String DEFAULT_IFNAME = "eth0";

    private static final Logger LOG = LoggerFactory.getLogger(CniNetwork.class);
    private static final Pattern OWNER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}");
    private static final Pattern IFNAME = Pattern.compile("[a-zA-Z0-9_.-]{1,15}");
    private static final String BRIDGE = "bridge";
    private static final String LOOPBACK = "loopback";

    private final NetworkConfig config;
    private final CniExecutor executor;
    private final HostLinks links;
    private final AttachmentStore store;
    private final AddressPool pool;

    /** A network using the plugin binaries in {@link NetworkConfig#cniBinDir()} and iproute2. */
    public CniNetwork(NetworkConfig config) {
        this(config, new ProcessCniExecutor(config.cniBinDir()), new IpRoute2Links());
    }

    CniNetwork(NetworkConfig config, CniExecutor executor, HostLinks links) {
        this.config = config;
        this.executor = executor;
        this.links = links;
        this.store = new AttachmentStore(config.attachmentsDir());
        this.pool = new AddressPool(config, executor);
    }

    public NetworkConfig config() {
        return config;
    }

    /**
     * Makes the bridge exist, hold the gateway address and be up, with no container attached: what VMs
     * need before libvirt can plug their tap devices into it. Idempotent.
     */
    public void ensureBridge() throws NetworkException {
        links.ensureBridge(config.bridgeName(), config.gatewayCidr(), config.mtu());
    }

    /** Deletes the bridge (for tests and {@code doctor --clean}); no error when it is absent. */
    public void removeBridge() throws NetworkException {
        links.delete(config.bridgeName());
    }

    /** {@link #attach(String, Path, String)} with interface {@value #DEFAULT_IFNAME}. */
    public Attachment attach(String containerId, Path netnsPath) throws NetworkException {
        return attach(containerId, netnsPath, DEFAULT_IFNAME);
    }

    /**
     * Brings up {@code lo} and a veth into the bridge named {@code ifName} inside {@code netnsPath}, with
     * an address from the pool. On failure everything already done is undone before the exception.
     *
     * @throws NetworkException.AlreadyAttached if the container already has an attachment
     */
    public Attachment attach(String containerId, Path netnsPath, String ifName) throws NetworkException {
        validate(containerId, ifName);
        executor.requireAvailable(LOOPBACK);
        executor.requireAvailable(BRIDGE);
        beginAttach(containerId, netnsPath, ifName, false);
        try {
            invokeLoopback(CniCommand.ADD, containerId, netnsPath.toString());
            JsonNode raw = executor.invoke(BRIDGE, request(CniCommand.ADD, containerId, netnsPath.toString(), ifName,
                    CniConfigs.bridge(config)));
            CniResult result = CniResult.parse(BRIDGE, raw);
            IpAssignment ip = result.firstIpv4().orElseThrow(() -> new NetworkException.BadResult(
                    "CNI bridge returned no IPv4 address for '" + containerId + "'", null));
            String mac = result.containerInterface(ifName).map(CniResult.Iface::mac).orElse("");
            String hostVeth = result.hostVeth(config.bridgeName()).map(CniResult.Iface::name).orElse(null);
            store.put(new AttachmentStore.Entry(containerId, netnsPath.toString(), ifName, false, hostVeth, raw));
            LOG.debug("attached {} as {} on {} (host end {})", containerId, ip.cidr(), config.bridgeName(), hostVeth);
            return new Attachment(containerId, ifName, netnsPath, ip, mac, hostVeth);
        } catch (NetworkException | RuntimeException e) {
            rollback(containerId, netnsPath, e);
            throw e;
        }
    }

    /** The {@code none} network mode: only {@code lo}, brought up by the loopback plugin. */
    public void attachLoopbackOnly(String containerId, Path netnsPath) throws NetworkException {
        validate(containerId, "lo");
        executor.requireAvailable(LOOPBACK);
        beginAttach(containerId, netnsPath, "lo", true);
        try {
            invokeLoopback(CniCommand.ADD, containerId, netnsPath.toString());
        } catch (NetworkException | RuntimeException e) {
            rollback(containerId, netnsPath, e);
            throw e;
        }
    }

    /** The recorded attachment of {@code containerId}, if it is attached to the bridge. */
    public Optional<Attachment> attachment(String containerId) throws NetworkException {
        Optional<AttachmentStore.Entry> entry = store.get(containerId);
        if (entry.isEmpty() || entry.get().loopbackOnly() || entry.get().result() == null) {
            return Optional.empty();
        }
        AttachmentStore.Entry e = entry.get();
        CniResult result = CniResult.parse(BRIDGE, e.result());
        return result.firstIpv4().map(ip -> new Attachment(e.containerId(), e.ifName(), Path.of(e.netns()), ip,
                result.containerInterface(e.ifName()).map(CniResult.Iface::mac).orElse(""), e.hostVeth()));
    }

    /**
     * Asks the bridge plugin (CNI CHECK) whether the container's interface, address and routes are
     * still as ADD left them.
     *
     * @throws NetworkException.PluginFailed describing the first difference
     */
    public void check(String containerId) throws NetworkException {
        AttachmentStore.Entry entry = store.get(containerId).orElseThrow(() -> new NetworkException(
                "container '" + containerId + "' is not attached to the network"));
        if (entry.loopbackOnly()) {
            invokeLoopback(CniCommand.CHECK, containerId, entry.netns());
            return;
        }
        executor.invoke(BRIDGE, request(CniCommand.CHECK, containerId, entry.netns(), entry.ifName(),
                CniConfigs.withPrevResult(CniConfigs.bridge(config), entry.result())));
    }

    /**
     * Undoes {@link #attach} or {@link #attachLoopbackOnly}: releases the address, removes the veth pair
     * and forgets the record. Succeeds when repeated, when nothing was attached, and when the netns is
     * already gone (the lease is released and the host end of the veth removed anyway).
     *
     * @param netnsPath the namespace, or {@code null} to use the recorded one
     */
    public void detach(String containerId, Path netnsPath) throws NetworkException {
        Optional<AttachmentStore.Entry> entry = store.get(containerId);
        String recorded = entry.map(AttachmentStore.Entry::netns).orElse(null);
        String netns = netnsPath != null ? netnsPath.toString() : recorded;
        detach(containerId, entry, netns != null && Files.exists(Path.of(netns)) ? netns : null);
    }

    /**
     * {@link #detach} for a container whose processes are gone: never enters the recorded namespace
     * path ({@code /proc/PID/ns/net} of a dead pid may belong to another process by now); the lease is
     * released and the host end of the veth removed, which takes the container end with it.
     */
    public void detachGone(String containerId) throws NetworkException {
        detach(containerId, store.get(containerId), null);
    }

    private void detach(String containerId, Optional<AttachmentStore.Entry> entry, String liveNetns) throws NetworkException {
        String ifName = entry.map(AttachmentStore.Entry::ifName).orElse(DEFAULT_IFNAME);
        if (entry.map(AttachmentStore.Entry::loopbackOnly).orElse(false)) {
            releaseLoopback(containerId, liveNetns);
            store.remove(containerId);
            return;
        }
        JsonNode prev = entry.map(AttachmentStore.Entry::result).orElse(null);
        deleteFromBridge(containerId, liveNetns, ifName, prev);
        String hostVeth = entry.map(AttachmentStore.Entry::hostVeth).orElse(null);
        if (hostVeth != null) {
            links.delete(hostVeth);
        }
        releaseLoopback(containerId, liveNetns);
        store.remove(containerId);
        LOG.debug("detached {} from {}", containerId, config.bridgeName());
    }

    /**
     * An address from the shared pool for an owner without a netns (a VM), by host-local alone.
     * Idempotent: an owner that already holds a lease gets the same address again.
     */
    public IpAssignment allocateAddress(String ownerId) throws NetworkException {
        validate(ownerId, AddressPool.IFNAME);
        return pool.allocate(ownerId);
    }

    /** Returns the owner's address to the pool; nothing happens if it holds none. */
    public void releaseAddress(String ownerId) throws NetworkException {
        validate(ownerId, AddressPool.IFNAME);
        pool.release(ownerId, AddressPool.IFNAME);
    }

    /**
     * Removes the attachments (veths, records) and leases of every owner not in {@code liveOwnerIds}:
     * what a killed runtime left behind. Carries on past failures and reports them together.
     *
     * @return the owner ids whose state was removed
     * @throws NetworkException the first failure, the others attached as suppressed
     */
    public Set<String> cleanupStale(Set<String> liveOwnerIds) throws NetworkException {
        Set<String> removed = new TreeSet<>();
        List<NetworkException> failures = new ArrayList<>();
        for (String id : store.ids()) {
            if (!liveOwnerIds.contains(id)) {
                try {
                    detach(id, null);
                    removed.add(id);
                } catch (NetworkException e) {
                    failures.add(e);
                }
            }
        }
        for (LeaseDirectory.Lease lease : pool.leases()) {
            if (!liveOwnerIds.contains(lease.ownerId())) {
                try {
                    pool.release(lease.ownerId(), lease.ifName().isEmpty() ? AddressPool.IFNAME : lease.ifName());
                    removed.add(lease.ownerId());
                } catch (NetworkException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            NetworkException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        if (!removed.isEmpty()) {
            LOG.info("removed stale network state of {}", removed);
        }
        return removed;
    }

    /**
     * Like {@link #cleanupStale(Set)} but only for owners with a recorded attachment (containers): leases
     * taken by {@link #allocateAddress} (VMs, which have no attachment record) are left alone, so a
     * container runtime can sweep without knowing which VMs are alive.
     *
     * @return the container ids whose attachment was removed
     */
    public Set<String> cleanupStaleAttachments(Set<String> liveContainerIds) throws NetworkException {
        Set<String> removed = new TreeSet<>();
        List<NetworkException> failures = new ArrayList<>();
        for (String id : store.ids()) {
            if (!liveContainerIds.contains(id)) {
                try {
                    detachGone(id);
                    removed.add(id);
                } catch (NetworkException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            NetworkException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
        return removed;
    }

    private void beginAttach(String containerId, Path netnsPath, String ifName, boolean loopbackOnly)
            throws NetworkException {
        if (store.get(containerId).isPresent()) {
            throw new NetworkException.AlreadyAttached(containerId);
        }
        store.put(new AttachmentStore.Entry(containerId, netnsPath.toString(), ifName, loopbackOnly, null, null));
    }

    /** Undoes a failed attach; runs even when the thread was interrupted (the flag is restored after). */
    private void rollback(String containerId, Path netnsPath, Exception cause) {
        boolean interrupted = Thread.interrupted();
        try {
            detach(containerId, netnsPath);
        } catch (NetworkException | RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Bridge DEL; if the namespace cannot be entered, DEL again without it so the lease is released. */
    private void deleteFromBridge(String containerId, String netns, String ifName, JsonNode prev)
            throws NetworkException {
        var config = CniConfigs.withPrevResult(CniConfigs.bridge(this.config), prev);
        try {
            executor.invoke(BRIDGE, request(CniCommand.DEL, containerId, netns, ifName, config));
        } catch (NetworkException.PluginFailed e) {
            if (netns == null) {
                throw e;
            }
            LOG.debug("bridge DEL in {} failed ({}); releasing the address without the netns", netns, e.getMessage());
            executor.invoke(BRIDGE, request(CniCommand.DEL, containerId, null, ifName, config));
        }
    }

    private void releaseLoopback(String containerId, String liveNetns) {
        if (liveNetns == null) {
            return;
        }
        try {
            invokeLoopback(CniCommand.DEL, containerId, liveNetns);
        } catch (NetworkException e) {
            LOG.debug("loopback DEL for {} failed: {}", containerId, e.getMessage());
        }
    }

    private void invokeLoopback(CniCommand command, String containerId, String netns) throws NetworkException {
        executor.invoke(LOOPBACK, request(command, containerId, netns, "lo", CniConfigs.loopback(config)));
    }

    private static CniExecutor.CniRequest request(CniCommand command, String id, String netns, String ifName,
            JsonNode config) {
        return new CniExecutor.CniRequest(command, id, netns, ifName, config);
    }

    private static void validate(String ownerId, String ifName) throws NetworkException.InvalidConfig {
        if (ownerId == null || !OWNER_ID.matcher(ownerId).matches()) {
            throw new NetworkException.InvalidConfig("id '" + ownerId + "' is invalid for the network: use up to 128 "
                    + "letters, digits, '_', '.', '-', starting with a letter or digit");
        }
        if (ifName == null || !IFNAME.matcher(ifName).matches()) {
            throw new NetworkException.InvalidConfig("interface name '" + ifName + "' is invalid: use 1 to 15 "
                    + "letters, digits, '_', '.', '-'");
        }
    }
}
