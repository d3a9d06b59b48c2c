package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attach/detach/cleanup logic against {@link FakeCni}: no root, no plugins. */
class CniNetworkTest {
    @TempDir
    Path state;
    @TempDir
    Path nsDir;

    private NetworkConfig config;
    private FakeCni fake;
    private CniNetwork net;
    private Path netnsA;

    @BeforeEach
    void setUp() throws Exception {
        config = NetworkConfig.builder(state).subnet("10.213.77.0/24").bridgeName("cvbtest").build();
        fake = new FakeCni(config);
        net = new CniNetwork(config, fake, fake);
        netnsA = Files.createFile(nsDir.resolve("a"));
    }

    @Test
    void attachRunsLoopbackThenBridgeAndRecordsTheResult() throws Exception {
        Attachment a = net.attach("a", netnsA, "eth0");

        assertThat(a.ip()).isEqualTo(new IpAssignment("10.213.77.2", 24, "10.213.77.1"));
        assertThat(a.mac()).isEqualTo("02:00:00:00:00:01");
        assertThat(a.hostVeth()).contains("vethfake1");
        assertThat(fake.calls).containsExactly(
                "loopback ADD a lo netns=" + netnsA,
                "bridge ADD a eth0 netns=" + netnsA);
        assertThat(net.attachment("a")).contains(a);
        assertThat(state.resolve("cni/attachments/a.json")).exists();
    }

    @Test
    void attachingTwiceIsRefusedWithoutUndoingTheFirst() throws Exception {
        net.attach("a", netnsA, "eth0");
        assertThatThrownBy(() -> net.attach("a", netnsA, "eth0"))
                .isInstanceOf(NetworkException.AlreadyAttached.class)
                .hasMessage("container 'a' is already attached to the network; detach it first");
        assertThat(net.attachment("a")).isPresent();
    }

    @Test
    void failedAttachIsRolledBack() throws Exception {
        fake.failOn("bridge", r -> r.command() == CniCommand.ADD);
        assertThatThrownBy(() -> net.attach("a", netnsA, "eth0"))
                .isInstanceOf(NetworkException.PluginFailed.class)
                .hasMessageContaining("injected failure");
        assertThat(fake.calls).contains("bridge DEL a eth0 netns=" + netnsA, "loopback DEL a lo netns=" + netnsA);
        assertThat(state.resolve("cni/attachments/a.json")).doesNotExist();
        assertThat(net.attachment("a")).isEmpty();
    }

    @Test
    void detachPassesPrevResultAndForgetsTheAttachment() throws Exception {
        net.attach("a", netnsA, "eth0");
        fake.calls.clear();

        net.detach("a", netnsA);

        assertThat(fake.calls).containsExactly(
                "bridge DEL a eth0 netns=" + netnsA + " +prev",
                "ip link del vethfake1",
                "loopback DEL a lo netns=" + netnsA);
        assertThat(fake.leaseDir()).isEmptyDirectory();
        assertThat(net.attachment("a")).isEmpty();
        net.detach("a", netnsA);  // repeated: still fine
    }

    @Test
    void detachAfterTheNetnsIsGoneReleasesTheLeaseAndTheHostVeth() throws Exception {
        net.attach("a", netnsA, "eth0");
        Files.delete(netnsA);
        fake.calls.clear();

        net.detach("a", netnsA);

        assertThat(fake.calls).containsExactly("bridge DEL a eth0 netns=null +prev", "ip link del vethfake1");
        assertThat(fake.leaseDir()).isEmptyDirectory();
    }

    @Test
    void detachRetriesWithoutTheNetnsWhenItCannotBeEntered() throws Exception {
        net.attach("a", netnsA, "eth0");
        fake.failOn("bridge", r -> r.command() == CniCommand.DEL && r.netns() != null);

        net.detach("a", netnsA);

        assertThat(fake.calls).contains("bridge DEL a eth0 netns=null +prev");
        assertThat(fake.leaseDir()).isEmptyDirectory();
        assertThat(fake.links).doesNotContain("vethfake1");
    }

    @Test
    void detachReportsAFailureItCannotWorkAround() throws Exception {
        net.attach("a", netnsA, "eth0");
        fake.failOn("bridge", r -> r.command() == CniCommand.DEL);
        assertThatThrownBy(() -> net.detach("a", netnsA)).isInstanceOf(NetworkException.PluginFailed.class);
        assertThat(state.resolve("cni/attachments/a.json")).as("kept for a later cleanup").exists();
    }

    @Test
    void loopbackOnlyAttachmentTouchesNoBridgeOrPool() throws Exception {
        net.attachLoopbackOnly("quiet", netnsA);
        net.detach("quiet", netnsA);
        assertThat(fake.calls).containsExactly("loopback ADD quiet lo netns=" + netnsA,
                "loopback DEL quiet lo netns=" + netnsA);
        assertThat(net.attachment("quiet")).isEmpty();
    }

    @Test
    void addressesForVmsComeFromTheSamePoolAndAreIdempotent() throws Exception {
        net.attach("a", netnsA, "eth0");
        IpAssignment vm = net.allocateAddress("vm-1");
        assertThat(vm).isEqualTo(new IpAssignment("10.213.77.3", 24, "10.213.77.1"));
        assertThat(net.allocateAddress("vm-1")).isEqualTo(vm);
        assertThat(fake.calls).containsOnlyOnce("host-local ADD vm-1 eth0 netns=none");

        net.releaseAddress("vm-1");
        assertThat(fake.leaseDir().resolve("10.213.77.3")).doesNotExist();
        assertThat(fake.calls).contains("host-local DEL vm-1 eth0 netns=null");
    }

    @Test
    void ensureBridgeUsesTheGatewayWithPrefix() throws Exception {
        net.ensureBridge();
        assertThat(fake.calls).containsExactly("ensureBridge cvbtest 10.213.77.1/24 mtu=1500");
        net.removeBridge();
        assertThat(fake.links).doesNotContain("cvbtest");
    }

    @Test
    void cleanupStaleRemovesOnlyDeadOwners() throws Exception {
        Path netnsB = Files.createFile(nsDir.resolve("b"));
        net.attach("a", netnsA, "eth0");
        net.attach("b", netnsB, "eth0");
        net.allocateAddress("vm-live");
        net.allocateAddress("vm-dead");
        Files.writeString(fake.leaseDir().resolve("10.213.77.99"), "orphan\r\neth0");  // lease without a record
        Files.delete(netnsB);

        Set<String> removed = net.cleanupStale(Set.of("a", "vm-live"));

        assertThat(removed).containsExactly("b", "orphan", "vm-dead");
        assertThat(new LeaseDirectory(fake.leaseDir()).leases()).extracting(LeaseDirectory.Lease::ownerId)
                .containsExactlyInAnyOrder("a", "vm-live");
        assertThat(fake.links).contains("vethfake1").doesNotContain("vethfake2");
        assertThat(net.attachment("a")).isPresent();
        assertThat(net.attachment("b")).isEmpty();
        assertThat(net.cleanupStale(Set.of("a", "vm-live"))).isEmpty();
    }

    @Test
    void cleanupStaleAttachmentsLeavesVmLeasesAndNeverEntersTheRecordedNetns() throws Exception {
        Path netnsB = Files.createFile(nsDir.resolve("b"));
        net.attach("a", netnsA, "eth0");
        net.attach("b", netnsB, "eth0");
        net.allocateAddress("vm-1");
        fake.calls.clear();

        assertThat(net.cleanupStaleAttachments(Set.of("a"))).containsExactly("b");

        assertThat(new LeaseDirectory(fake.leaseDir()).leases()).extracting(LeaseDirectory.Lease::ownerId)
                .containsExactlyInAnyOrder("a", "vm-1");
        assertThat(fake.calls).as("a dead pid's /proc/PID/ns/net may be another process's").noneMatch(c -> c.contains("netns=" + netnsB));
        assertThat(fake.links).doesNotContain("vethfake2");
        assertThat(net.attachment("b")).isEmpty();
    }

    @Test
    void cleanupStaleCarriesOnPastFailures() throws Exception {
        net.allocateAddress("x1");
        net.allocateAddress("x2");
        fake.failOn("host-local", r -> r.command() == CniCommand.DEL && r.containerId().equals("x1"));
        assertThatThrownBy(() -> net.cleanupStale(Set.of())).isInstanceOf(NetworkException.PluginFailed.class)
                .hasMessageContaining("'x1'");
        assertThat(new LeaseDirectory(fake.leaseDir()).leases()).extracting(LeaseDirectory.Lease::ownerId)
                .containsExactly("x1");
    }

    @Test
    void anAttachCutShortByACrashIsUndoneByCleanup() throws Exception {
        net.attach("x", netnsA, "eth0");
        new AttachmentStore(config.attachmentsDir())
                .put(new AttachmentStore.Entry("x", netnsA.toString(), "eth0", false, null, null));  // as before ADD
        assertThat(net.attachment("x")).isEmpty();

        assertThat(net.cleanupStale(Set.of())).containsExactly("x");

        assertThat(fake.leaseDir()).isEmptyDirectory();
        assertThat(fake.calls).contains("bridge DEL x eth0 netns=" + netnsA);
        assertThat(state.resolve("cni/attachments/x.json")).doesNotExist();
    }

    @Test
    void badIdsAndInterfaceNamesAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> net.attach("../etc", netnsA, "eth0"))
                .isInstanceOf(NetworkException.InvalidConfig.class).hasMessageStartingWith("id '../etc' is invalid");
        assertThatThrownBy(() -> net.attach("ok", netnsA, "an-interface-name-too-long"))
                .isInstanceOf(NetworkException.InvalidConfig.class);
        assertThatThrownBy(() -> net.allocateAddress("")).isInstanceOf(NetworkException.InvalidConfig.class);
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void missingPluginFailsBeforeAnyStateIsWritten() throws Exception {
        CniNetwork real = new CniNetwork(NetworkConfig.builder(state).cniBinDir(nsDir.resolve("nope")).build());
        assertThatThrownBy(() -> real.attach("a", netnsA))
                .isInstanceOf(NetworkException.PluginMissing.class)
                .hasMessageContaining("containernetworking-plugins");
        assertThat(state.resolve("cni/attachments")).doesNotExist();
    }
}
