package dev.cvbench.vm.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plays QEMU's part (a client connecting to the console socket); needs no VM and no root. */
class ConsoleServerTest {
    @TempDir
    Path dir;

    @Test
    void receivesStampsAndCopiesLinesUntilTheClientCloses() throws Exception {
        ConsoleLog log = new ConsoleLog();
        Path copy = dir.resolve("console.log");
        Path sock = dir.resolve("c.sock");
        try (ConsoleServer server = ConsoleServer.listen(sock, log, Optional.of(copy), "t")) {
            long before = System.nanoTime();
            try (SocketChannel qemu = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                qemu.connect(UnixDomainSocketAddress.of(sock));
                qemu.write(ByteBuffer.wrap("cvbench-init: started\r\nhel".getBytes(StandardCharsets.UTF_8)));
                qemu.write(ByteBuffer.wrap("lo\r\n".getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(log.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(log.lines()).extracting(ConsoleLine::text).containsExactly("cvbench-init: started", "hello");
            assertThat(log.connectedNanos().getAsLong()).isGreaterThanOrEqualTo(before);
            assertThat(log.firstByteNanos().getAsLong()).isGreaterThanOrEqualTo(log.connectedNanos().getAsLong());
        }
        assertThat(sock).doesNotExist();
        assertThat(Files.readAllLines(copy)).hasSize(2).last().asString().endsWith(" hello");
    }

    @Test
    void refusesASocketPathLongerThanTheUnixLimit() {
        Path longPath = dir.resolve("x".repeat(120) + ".sock");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ConsoleServer.listen(longPath, new ConsoleLog(), Optional.empty(), "t"))
                .hasMessageContaining("107");
    }
}
