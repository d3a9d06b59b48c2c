package dev.cvbench.container.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.InitFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java side of the sync protocol against a fake cvinit (a small JVM): pairs, errors, timeouts. */
class InitSessionTest {
    @TempDir
    Path tmp;

    Path fake(String mode) throws Exception {
        Path script = tmp.resolve("fake-" + mode);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nFAKE_INIT=" + mode + " exec " + java + " -Xshare:auto -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' " + FakeInit.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void walksTheRequestAckPairs() throws Exception {
        try (InitSession s = InitSession.start(fake("ok"), tmp.resolve("a.sock"), "arg x\nenv A=1\nEND\n",
                new StdioSetup.Pipes(), Duration.ofSeconds(20))) {
            assertThat(s.awaitReadyForCgroup()).isEqualTo(1002);
            s.ack(InitProtocol.CGROUP_DONE);
            s.expectMessage(InitProtocol.NETNS_READY);
            s.ack(InitProtocol.NETWORK_DONE);
            s.expectMessage(InitProtocol.READY_TO_EXEC);
            s.ack(InitProtocol.CREATED);
            assertThat(s.process().waitFor()).isZero();
        }
        assertThat(tmp.resolve("a.sock")).doesNotExist();
    }

    @Test
    void errorLineBecomesInitFailedWithStageAndErrno() throws Exception {
        try (InitSession s = InitSession.start(fake("error"), tmp.resolve("b.sock"), "END\n", new StdioSetup.Pipes(),
                Duration.ofSeconds(20))) {
            assertThatThrownBy(s::awaitReadyForCgroup).isInstanceOfSatisfying(InitFailedException.class, e -> {
                assertThat(e.stage()).isEqualTo("pivot_root");
                assertThat(e.errno()).isEqualTo(22);
                assertThat(e).hasMessage("container init failed at pivot_root: pivot_root /x: Invalid argument");
            });
        }
    }

    @Test
    void silenceTimesOutAndEarlyExitIsReported() throws Exception {
        try (InitSession s = InitSession.start(fake("silent"), tmp.resolve("c.sock"), "END\n", new StdioSetup.Pipes(),
                Duration.ofSeconds(3))) {
            assertThatThrownBy(s::awaitReadyForCgroup).hasMessageStartingWith("cvinit sent no READY_FOR_CGROUP within 3s");
            s.process().destroyForcibly();
        }
        try (InitSession s = InitSession.start(fake("exit"), tmp.resolve("d.sock"), "END\n", new StdioSetup.Pipes(),
                Duration.ofSeconds(20))) {
            assertThatThrownBy(s::awaitReadyForCgroup)
                    .hasMessage("cvinit closed the sync socket before READY_FOR_CGROUP (cvinit exited with status 125)");
        }
    }

    @Test
    void unparseableErrorKeepsTheRawText() {
        assertThat(InitSession.initError("not json")).hasMessage("container init failed at unknown: not json");
    }
}
