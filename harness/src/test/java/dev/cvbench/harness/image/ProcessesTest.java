package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ProcessesTest {
    @Test
    void capturesOutputAndExitCode() throws Exception {
        Processes.Result r = Processes.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Duration.ofSeconds(10));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.lines()).containsExactlyInAnyOrder("out", "err");
    }

    @Test
    void killsACommandThatOverrunsItsTimeout() throws Exception {
        long t0 = System.nanoTime();
        Processes.Result r = Processes.run(List.of("sleep", "30"), Duration.ofMillis(200));
        assertThat(r.exitCode()).isEqualTo(-1);
        assertThat(r.output()).contains("killed after");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anInterruptKillsTheCommandBeforeReturning() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Processes.run(List.of("sleep", "30"), Duration.ofSeconds(60));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        long before = ProcessHandle.current().children().count();
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(15_000);
        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThanOrEqualTo(before);
    }

    @Test
    void aFailingStepCarriesItsOutputTail() {
        assertThatThrownBy(() -> Processes.check(BuildStep.JLINK, List.of("sh", "-c", "echo Error: bad module; exit 1"), Duration.ofSeconds(10)))
                .isInstanceOf(ImageException.StepFailed.class)
                .hasMessageContaining("guest image: jlink:")
                .hasMessageContaining("exited with status 1: Error: bad module")
                .satisfies(e -> assertThat(((ImageException.StepFailed) e).outputTail()).containsExactly("Error: bad module"));
    }
}
