package dev.cvbench.container.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads host-local's lease files. For network {@code cvbench} with data dir {@code D}, host-local keeps
 * one file per allocated address, {@code D/cvbench/10.213.0.2}, holding {@code "<owner id>\r\n<ifname>"}
 * (older versions wrote only the id), next to its {@code lock} and {@code last_reserved_ip.0} files.
 * Only host-local writes these files; this class only reads them.
 */
final class LeaseDirectory {
    private final Path dir;

    /** @param networkDir {@code <ipam data dir>/<network name>} */
    LeaseDirectory(Path networkDir) {
        this.dir = networkDir;
    }

    /** One allocated address. {@code ifName} is empty for leases written by old host-local versions. */
    record Lease(String address, String ownerId, String ifName) {}

    /** Every lease, ordered by address; files being written (still empty) are skipped. */
    List<Lease> leases() throws NetworkException.StateIo {
        List<Lease> leases = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return leases;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!isAddress(name)) {
                    continue;
                }
                read(file).ifPresent(leases::add);
            }
        } catch (IOException e) {
            throw new NetworkException.StateIo(dir, e);
        }
        leases.sort(Comparator.comparingLong(l -> Integer.toUnsignedLong(Ipv4Subnet.parseAddress(l.address()))));
        return leases;
    }

    /** The lease {@code ownerId} holds for {@code ifName}, if any. */
    Optional<Lease> find(String ownerId, String ifName) throws NetworkException.StateIo {
        return leases().stream()
                .filter(l -> l.ownerId().equals(ownerId) && (l.ifName().isEmpty() || l.ifName().equals(ifName)))
                .findFirst();
    }

    private static Optional<Lease> read(Path file) throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String[] lines = content.strip().split("\\R", 2);
        if (lines[0].isBlank()) {
            return Optional.empty();
        }
        String ifName = lines.length > 1 ? lines[1].strip() : "";
        return Optional.of(new Lease(file.getFileName().toString(), lines[0].strip(), ifName));
    }

    private static boolean isAddress(String name) {
        try {
            Ipv4Subnet.parseAddress(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
