package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void readsHostLocalLeaseFilesAndIgnoresItsBookkeeping() throws Exception {
        Files.writeString(dir.resolve("10.213.0.10"), "web1\r\neth0");
        Files.writeString(dir.resolve("10.213.0.2"), "vm-db\r\neth0");
        Files.writeString(dir.resolve("10.213.0.3"), "legacy-owner");
        Files.writeString(dir.resolve("10.213.0.4"), "");
        Files.writeString(dir.resolve("lock"), "");
        Files.writeString(dir.resolve("last_reserved_ip.0"), "10.213.0.10");

        LeaseDirectory leases = new LeaseDirectory(dir);

        assertThat(leases.leases()).containsExactly(
                new LeaseDirectory.Lease("10.213.0.2", "vm-db", "eth0"),
                new LeaseDirectory.Lease("10.213.0.3", "legacy-owner", ""),
                new LeaseDirectory.Lease("10.213.0.10", "web1", "eth0"));
        assertThat(leases.find("web1", "eth0")).map(LeaseDirectory.Lease::address).contains("10.213.0.10");
        assertThat(leases.find("web1", "eth1")).isEmpty();
        assertThat(leases.find("legacy-owner", "eth0")).isPresent();
        assertThat(leases.find("nobody", "eth0")).isEmpty();
    }

    @Test
    void missingDirectoryMeansNoLeases() throws Exception {
        assertThat(new LeaseDirectory(dir.resolve("absent")).leases()).isEmpty();
    }
}
