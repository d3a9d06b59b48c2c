package dev.cvbench.vm.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.vm.host.QemuProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Teardown when the JVM that owns a VM is interrupted. Runs {@code VmRun -- sleep 600} in a child JVM (its own
 * embedded root: libvirt allows one per process), then: SIGTERM must leave no QEMU behind (shutdown hook);
 * SIGKILL leaves one, which {@code VmRun --clean} ({@code cleanupStale}) must remove.
 */
@Timeout(300)
class VmInterruptIT {
    private static Path state;

    @BeforeAll
    static void setUp() throws Exception {
        TestGuest.assumeMachine();
        TestGuest.image(); // fetch the kernel once, outside the child's time budget
        state = Files.createDirectories(Path.of("/tmp/cvbench-vm-it-child"));
    }

    @Test
    void sigtermDestroysTheVmAndSigkillLeftoversAreCleanedUp() throws Exception {
        Process child = startSleeper();
        String guest = awaitGuest(child);
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(QemuProcesses.byGuestName(guest)).as("QEMU of %s after SIGTERM", guest).isEmpty();

        Process second = startSleeper();
        String orphan = awaitGuest(second);
        second.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(QemuProcesses.byGuestName(orphan)).as("QEMU of %s survives SIGKILL", orphan).isPresent();

        Process clean = new ProcessBuilder(java("--clean")).redirectErrorStream(true).start();
        String out = new String(clean.getInputStream().readAllBytes());
        assertThat(clean.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out).contains(orphan);
        assertThat(QemuProcesses.byGuestName(orphan)).as("QEMU of %s after cleanup", orphan).isEmpty();
    }

    private static Process startSleeper() throws IOException {
        return new ProcessBuilder(java("--", "sleep", "600")).redirectErrorStream(true).start();
    }

    /** Reads the child's output until the guest runs its command; returns the domain name. */
    private static String awaitGuest(Process p) throws IOException {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String name = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("booted ")) {
                name = line.split(" ")[1];
            }
            if (line.contains("cvbench-init: exec")) {
                new Thread(() -> drain(in)).start();
                return name;
            }
        }
        throw new IOException("child ended before the guest ran its command");
    }

    private static void drain(java.io.BufferedReader in) {
        try {
            while (in.readLine() != null) {
                // keep the pipe empty
            }
        } catch (IOException e) {
            // child gone
        }
    }

    private static List<String> java(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.cvbench.vm.bench.VmRun",
                "--state", state.toString(), "--cache", TestGuest.CACHE.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }
}
