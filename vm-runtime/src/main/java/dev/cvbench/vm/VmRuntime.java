package dev.cvbench.vm;

import dev.cvbench.vm.boot.ConsoleLog;
import dev.cvbench.vm.boot.ConsoleServer;
import dev.cvbench.vm.host.EmbedRoot;
import dev.cvbench.vm.host.KvmProbe;
import dev.cvbench.vm.host.QemuProcesses;
import dev.cvbench.vm.libvirt.LibvirtEventLoop;
import dev.cvbench.vm.libvirt.LibvirtInfo;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.VmSpec;
import dev.cvbench.vm.xml.DomainXml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libvirt connection that boots cvbench VMs. libvirt allows one embedded-driver root per process (and locks
 * it against other processes), so a JVM uses one state directory for all its embedded VmRuntimes; opening a
 * second runtime on the same directory is fine and shares the driver.
 *
 * <pre>{@code
 * try (VmRuntime rt = VmRuntime.open(null, Path.of("/var/lib/cvbench/vm"));
 *      Vm vm = rt.boot(spec)) {           // returns once /init has started
 *     int status = vm.awaitExit(Duration.ofMinutes(2));
 *     vm.phases().forEach(System.out::println);
 * }                                       // destroyed and forgotten, whatever happened
 * }</pre>
 *
 * <p>Teardown is layered: {@link Vm#close()} destroys; with a daemon URI domains are started with libvirt's
 * AUTODESTROY flag so closing the connection destroys any left (libvirt 9 refuses that flag for the embedded
 * driver); a JVM shutdown hook closes every live VM on Ctrl-C; and
 * {@link #cleanupStale()} removes what a killed JVM left behind.
 */
public final class VmRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VmRuntime.class);
    /** VIR_DOMAIN_START_AUTODESTROY: destroy the domain when the connection that created it closes. */
    private static final int START_AUTODESTROY = 2;

    private final String uri;
    private final Path stateDir;
    private final Optional<EmbedRoot> embed;
    private final Connect conn;
    private final DomainType defaultType;
    private final Set<Vm> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;
    private volatile boolean closed;

    private VmRuntime(String uri, Path stateDir, Optional<EmbedRoot> embed, Connect conn, DomainType defaultType) {
        this.uri = uri;
        this.stateDir = stateDir;
        this.embed = embed;
        this.conn = conn;
        this.defaultType = defaultType;
        this.shutdownHook = new Thread(this::closeQuietly, "cvbench-vm-teardown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Connects to libvirt.
     *
     * @param uri a libvirt URI ({@code qemu:///system}, {@code qemu+ssh://host/system}), or null for the
     *     embedded driver rooted at {@code stateDir} ({@code qemu:///embed?root=<stateDir>/libvirt})
     * @param stateDir where console sockets (and the embedded driver's tree) live; keep it short, UNIX socket
     *     paths are limited to 107 bytes
     * @throws VmException.LibvirtUnavailable with the URI and what to do, when libvirt cannot be reached
     */
    public static VmRuntime open(String uri, Path stateDir) throws VmException {
        Path state = stateDir.toAbsolutePath().normalize();
        Optional<EmbedRoot> embed = uri == null || uri.startsWith("qemu:///embed")
                ? Optional.of(new EmbedRoot(uri == null ? state.resolve("libvirt") : embedRootOf(uri)))
                : Optional.empty();
        String effective = embed.map(EmbedRoot::uri).orElse(uri);
        if (embed.isPresent()) {
            EmbedChecks.check(effective, embed.get());
            EmbedChecks.claimProcessRoot(effective, embed.get().root());
        }
        try {
            LibvirtEventLoop.ensureRunning();
        } catch (LibvirtException e) {
            throw new VmException.LibvirtUnavailable(effective,
                    "cannot start libvirt's event loop: " + LibvirtInfo.message(e), e);
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            throw new VmException.LibvirtUnavailable(effective,
                    "libvirt is not installed (libvirt.so.0 not found); install it: apt-get install libvirt0"
                            + " libvirt-daemon-driver-qemu qemu-system-x86", e);
        }
        Connect conn;
        try {
            conn = new Connect(effective, false);
        } catch (LibvirtException e) {
            throw new VmException.LibvirtUnavailable(effective, "cannot connect to libvirt at " + effective + ": "
                    + LibvirtInfo.message(e) + "; check the URI, or that libvirtd is running for a daemon URI", e);
        }
        DomainType type = resolveDefault(conn);
        LOG.info("libvirt {} ready, default domain type {}", effective, type);
        return new VmRuntime(effective, state, embed, conn, type);
    }

    private static Path embedRootOf(String uri) throws VmException.LibvirtUnavailable {
        int i = uri.indexOf("root=");
        if (i < 0) {
            throw new VmException.LibvirtUnavailable(uri, "embedded URI without root: use qemu:///embed?root=DIR");
        }
        String root = uri.substring(i + "root=".length()).split("&")[0];
        return Path.of(root);
    }

    private static DomainType resolveDefault(Connect conn) {
        if (!KvmProbe.kvmUsable()) {
            return DomainType.QEMU;
        }
        try {
            return conn.getCapabilities().contains("<domain type='kvm'") ? DomainType.KVM : DomainType.QEMU;
        } catch (LibvirtException e) {
            return DomainType.QEMU;
        }
    }

    /** The URI actually used (for the environment record). */
    public String uri() {
        return uri;
    }

    /** What {@link DomainType#AUTO} resolves to here: KVM if /dev/kvm works and libvirt offers it, else QEMU. */
    public DomainType domainType() {
        return defaultType;
    }

    /** libvirt's version, e.g. {@code 9.0.0}. */
    public String libvirtVersion() throws VmException {
        try {
            return LibvirtInfo.version(conn.getLibVersion());
        } catch (LibvirtException e) {
            throw new VmException.LibvirtUnavailable(uri, "cannot read libvirt version: " + LibvirtInfo.message(e), e);
        }
    }

    /** The hypervisor (QEMU) version libvirt drives, e.g. {@code 7.2.0}. */
    public String qemuVersion() throws VmException {
        try {
            return LibvirtInfo.version(conn.getVersion());
        } catch (LibvirtException e) {
            throw new VmException.LibvirtUnavailable(uri, "cannot read QEMU version: " + LibvirtInfo.message(e), e);
        }
    }

    /** URI, libvirt and QEMU versions and the domain type, for the environment record. */
    public VmHostInfo info() throws VmException {
        return new VmHostInfo(uri, libvirtVersion(), qemuVersion(), defaultType);
    }

    /**
     * Boots {@code spec} and returns once its /init has printed {@code cvbench-init: started}.
     *
     * @throws VmException.KernelNotFound when the kernel or initramfs is missing or unreadable
     * @throws VmException.BootTimeout when init does not start within {@link VmSpec#initTimeout()} (the domain
     *     is destroyed; the message has the last console lines)
     * @throws VmException.DomainFailed when libvirt refuses the domain
     */
    public Vm boot(VmSpec spec) throws VmException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("VmRuntime is closed");
        }
        checkReadable(spec.kernel(), "kernel");
        checkReadable(spec.initramfs(), "initramfs");
        DomainType type = resolve(spec.domainType());
        String name = spec.domainName();
        if (domainExists(name)) {
            throw new VmException.DomainFailed(name, "a domain named " + name
                    + " already exists; pick another name or run cleanupStale (cvbench doctor --clean)", null);
        }
        Path socket = stateDir.resolve("console").resolve(name + ".sock");
        ConsoleLog log = new ConsoleLog();
        ConsoleServer server;
        try {
            server = ConsoleServer.listen(socket, log, spec.consoleLog(), name);
        } catch (IOException e) {
            throw new VmException.DomainFailed(name, "cannot listen on console socket " + socket + ": "
                    + e.getMessage(), e);
        }
        Vm vm;
        try {
            String xml = DomainXml.of(spec, type, socket);
            long launch = System.nanoTime();
            conn.domainCreateXML(xml, embed.isPresent() ? 0 : START_AUTODESTROY).free();
            vm = new Vm(this, spec, type, log, server, launch, System.nanoTime());
            live.add(vm);
        } catch (LibvirtException e) {
            server.close();
            throw new VmException.DomainFailed(name, "libvirt could not start " + name + ": "
                    + LibvirtInfo.message(e) + qemuLogHint(name), e);
        } catch (VmException | RuntimeException e) {
            server.close();
            throw e;
        }
        try {
            vm.awaitInit(spec.initTimeout());
        } catch (VmException | InterruptedException | RuntimeException e) {
            vm.close();
            throw e;
        }
        return vm;
    }

    private DomainType resolve(DomainType asked) throws VmException.InvalidSpec {
        if (asked == DomainType.AUTO) {
            return defaultType;
        }
        if (asked == DomainType.KVM && defaultType != DomainType.KVM) {
            throw new VmException.InvalidSpec("domainType",
                    "KVM is not usable here (/dev/kvm missing or not openable); use auto or qemu (TCG)");
        }
        return asked;
    }

    private static void checkReadable(Path file, String what) throws VmException.KernelNotFound {
        if (!Files.isRegularFile(file)) {
            throw new VmException.KernelNotFound(file, what + " " + file
                    + " does not exist or is not a file; give a valid path or let cvbench fetch one");
        }
        if (!Files.isReadable(file)) {
            throw new VmException.KernelNotFound(file, what + " " + file + " is not readable; check permissions");
        }
    }

    private String qemuLogHint(String name) {
        return embed.map(e -> "; QEMU log: " + e.qemuLog(name)).orElse("");
    }

    /**
     * Removes leftovers of earlier runs: running domains named {@code cvbench-*} that this runtime did not
     * start (destroyed), defined ones (undefined), and, for the embedded driver, QEMU processes of this state
     * directory that libvirt no longer tracks (killed). Stale console sockets are deleted.
     *
     * @return what was removed, one entry per item, for the user
     */
    public List<String> cleanupStale() throws VmException {
        return new StaleCleaner(conn, embed, stateDir, this::isLive).run();
    }

    private boolean isLive(String domain) {
        return live.stream().anyMatch(v -> v.id().equals(domain));
    }

    OptionalLong qemuPid(String domain) {
        if (embed.isPresent()) {
            OptionalLong pid = QemuProcesses.fromPidFile(embed.get().pidFile(domain));
            if (pid.isPresent()) {
                return pid;
            }
        }
        return QemuProcesses.byGuestName(domain);
    }

    boolean domainExists(String domain) {
        try {
            Domain d = conn.domainLookupByName(domain);
            boolean active = d.isActive() == 1;
            d.free();
            return active;
        } catch (LibvirtException e) {
            return false;
        }
    }

    void requestShutdown(String domain) {
        try {
            Domain d = conn.domainLookupByName(domain);
            d.shutdown();
            d.free();
        } catch (LibvirtException e) {
            LOG.debug("shutdown {}: {}", domain, LibvirtInfo.message(e));
        }
    }

    /** Destroys (and undefines, if persistent) the domain; true if it existed. Never throws. */
    boolean destroyIfPresent(String domain) {
        try {
            Domain d = conn.domainLookupByName(domain);
            try {
                if (d.isActive() == 1) {
                    d.destroy();
                }
                if (d.isPersistent() == 1) {
                    d.undefine();
                }
            } finally {
                d.free();
            }
            return true;
        } catch (LibvirtException e) {
            if (!LibvirtInfo.isNoDomain(e)) {
                LOG.warn("could not destroy {}: {}", domain, LibvirtInfo.message(e));
            }
            return false;
        }
    }

    void forget(Vm vm) {
        live.remove(vm);
    }

    /** Closes every live VM (destroying it) and the connection. */
    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running or has run
        }
    }

    private synchronized void closeQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        for (Vm vm : new ArrayList<>(live)) {
            vm.close();
        }
        try {
            conn.close();
        } catch (LibvirtException e) {
            LOG.debug("closing {}: {}", uri, LibvirtInfo.message(e));
        }
    }
}
