package dev.cvbench.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsWriterTest {
    @TempDir
    Path tmp;

    private record Entry(CpioArchiveEntry header, byte[] data) {
    }

    private Path rootfs() throws IOException {
        Path r = Files.createDirectories(tmp.resolve("rootfs"));
        Files.createDirectories(r.resolve("bin"));
        Path bb = Files.writeString(r.resolve("bin/busybox"), "#!fake busybox\n");
        Files.setLastModifiedTime(bb, java.nio.file.attribute.FileTime.fromMillis(1_600_000_000_000L));
        Files.setPosixFilePermissions(bb, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(r.resolve("bin/sh"), Path.of("busybox"));
        Path secret = Files.writeString(r.resolve("etc-secret"), "s");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(r.resolve("init"), "the rootfs's own init, replaced");
        return r;
    }

    private static Map<String, Entry> read(Path archive, boolean gzip) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        InputStream raw = Files.newInputStream(archive);
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(gzip ? new GZIPInputStream(raw) : raw)) {
            CpioArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), new Entry(e, in.readAllBytes()));
            }
        }
        return entries;
    }

    @Test
    void archiveHoldsRootfsModulesInitAndConsoleWithModesAndSymlinks() throws Exception {
        Path ko = Files.write(tmp.resolve("virtio_net.ko"), new byte[] {0x7f, 'E', 'L', 'F'});
        Path out = InitramfsWriter.write(rootfs(), List.of(new KernelModule("virtio_net", ko)), tmp.resolve("cache"),
                InitramfsWriter.Compression.NONE);
        Map<String, Entry> e = read(out, false);

        assertThat(e.get("bin/busybox").header().getMode()).isEqualTo(CpioConstants.C_ISREG | 0755);
        assertThat(e.get("etc-secret").header().getMode()).isEqualTo(CpioConstants.C_ISREG | 0600);
        assertThat(e.get("bin/sh").header().isSymbolicLink()).isTrue();
        assertThat(new String(e.get("bin/sh").data(), StandardCharsets.UTF_8)).isEqualTo("busybox");
        assertThat(e.get("bin").header().isDirectory()).isTrue();
        assertThat(e.get("dev/console").header().isCharacterDevice()).isTrue();
        assertThat(e.get("dev/console").header().getRemoteDeviceMaj()).isEqualTo(5);
        assertThat(e.get("init").header().getMode()).isEqualTo(CpioConstants.C_ISREG | 0755);
        assertThat(e.get("init").data()).isEqualTo(InitramfsWriter.initScript());
        assertThat(e.get("lib/modules/cvbench/virtio_net.ko").data()).containsExactly(0x7f, 'E', 'L', 'F');
        assertThat(new String(e.get("lib/modules/cvbench/order").data(), StandardCharsets.UTF_8))
                .isEqualTo("virtio_net.ko\n");
        assertThat(e.keySet()).containsOnlyOnce("init").contains("proc", "sys", "dev", "lib/modules/cvbench");
        long jarTime = Files.getLastModifiedTime(tmp.resolve("rootfs/bin/busybox")).toMillis() / 1000;
        assertThat(e.get("bin/busybox").header().getTime()).as("mtime kept (AppCDS checks jar mtimes)")
                .isEqualTo(jarTime);
    }

    @Test
    void cachedByInputsSameInputSameFileChangedInputNewFile() throws Exception {
        Path r = rootfs();
        Path a = InitramfsWriter.write(r, List.of(), tmp.resolve("cache"), InitramfsWriter.Compression.NONE);
        Path b = InitramfsWriter.write(r, List.of(), tmp.resolve("cache"), InitramfsWriter.Compression.NONE);
        assertThat(b).isEqualTo(a);
        Files.writeString(r.resolve("bin/extra"), "new");
        Path c = InitramfsWriter.write(r, List.of(), tmp.resolve("cache"), InitramfsWriter.Compression.NONE);
        assertThat(c).isNotEqualTo(a);
        Path gz = InitramfsWriter.write(r, List.of(), tmp.resolve("cache"), InitramfsWriter.Compression.GZIP);
        assertThat(gz.toString()).endsWith(".cpio.gz");
        assertThat(read(gz, true).keySet()).isEqualTo(read(c, false).keySet());
        try (var files = Files.list(tmp.resolve("cache"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void missingRootfsIsAClearError() {
        assertThatThrownBy(() -> InitramfsWriter.write(tmp.resolve("nope"), List.of(), tmp,
                InitramfsWriter.Compression.NONE)).isInstanceOf(VmException.ImageBuildFailed.class)
                .hasMessageContaining("not a directory");
    }

    @Test
    void initScriptKeepsTheGuestContract() {
        String init = new String(InitramfsWriter.initScript(), StandardCharsets.UTF_8);
        assertThat(init).startsWith("#!/bin/busybox sh").contains("echo \"cvbench-init: started\"",
                "echo \"cvbench-init: exit $status\"", "poweroff -f", "cvbench.argv=", "cvbench.env=",
                "cvbench.ip=", "cvbench.hostname=");
    }
}
