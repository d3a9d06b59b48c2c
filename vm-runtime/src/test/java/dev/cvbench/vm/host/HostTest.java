package dev.cvbench.vm.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.Footprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostTest {
    @Test
    void smapsRollupGivesPssAndRssInBytes() {
        Footprint f = ProcessMemory.parse(List.of("55d0c0a00000-7ffd5e1f4000 ---p 00000000 00:00 0  [rollup]",
                "Rss:              123456 kB", "Pss:              100000 kB", "Pss_Anon:          90000 kB"));
        assertThat(f.pssBytes()).isEqualTo(100000L * 1024);
        assertThat(f.rssBytes()).isEqualTo(123456L * 1024);
        assertThat(f.source()).isEqualTo("proc-smaps_rollup");
        assertThat(ProcessMemory.parse(List.of()).pssBytes()).isEqualTo(-1);
    }

    @Test
    void footprintOfThisProcessIsPlausible() {
        Footprint f = ProcessMemory.of(ProcessHandle.current().pid());
        assertThat(f.rssBytes()).isGreaterThan(1 << 20);
        assertThat(f.pssBytes()).isPositive().isLessThanOrEqualTo(f.rssBytes());
    }

    @Test
    void qemuCommandLineGivesTheGuestName() {
        byte[] raw = "/usr/bin/qemu-system-x86_64\0-name\0guest=cvbench-a,debug-threads=on\0-pidfile\0/tmp/r/run/qemu/cvbench-a.pid\0"
                .getBytes(StandardCharsets.UTF_8);
        var q = new QemuProcesses.QemuProcess(42, QemuProcesses.parseCmdline(raw));
        assertThat(q.argv()).hasSize(5);
        assertThat(q.guestName()).contains("cvbench-a");
        assertThat(q.mentions(Path.of("/tmp/r"))).isTrue();
        assertThat(q.mentions(Path.of("/tmp/other"))).isFalse();
    }

    @Test
    void embedRootLayoutAndAccountCheck() {
        EmbedRoot r = new EmbedRoot(Path.of("/tmp/st/libvirt"));
        assertThat(r.uri()).isEqualTo("qemu:///embed?root=/tmp/st/libvirt");
        assertThat(r.pidFile("cvbench-a")).isEqualTo(Path.of("/tmp/st/libvirt/run/qemu/cvbench-a.pid"));
        assertThat(EmbedRoot.checkUser(List.of("root:x:0:0::/root:/bin/sh"), List.of("root:x:0:")))
                .contains("user libvirt-qemu");
        assertThat(EmbedRoot.checkUser(List.of("libvirt-qemu:x:999:995::/:/bin/false"),
                List.of("libvirt-qemu:x:995:"))).isEmpty();
    }
}
