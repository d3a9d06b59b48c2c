package dev.cvbench.vm.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {
    @Test
    void waitForReturnsALineThatArrivedEarlierOrLater() throws Exception {
        ConsoleLog log = new ConsoleLog();
        log.add(new ConsoleLine(1, "early"));
        assertThat(log.waitFor(Pattern.compile("ear"), Duration.ofMillis(10)).arrivalNanos()).isEqualTo(1);
        Thread t = new Thread(() -> {
            sleep(50);
            log.add(new ConsoleLine(2, "CVBENCH {\"type\":\"ready\"}"));
        });
        t.start();
        assertThat(log.waitFor(Pattern.compile("ready"), Duration.ofSeconds(10)).arrivalNanos()).isEqualTo(2);
        t.join();
    }

    @Test
    void waitForTimesOutWithTheLastLines() {
        ConsoleLog log = new ConsoleLog();
        log.add(new ConsoleLine(1, "booting"));
        assertThatThrownBy(() -> log.waitFor(Pattern.compile("never"), Duration.ofMillis(30)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("booting");
    }

    @Test
    void waitForFailsFastWhenTheStreamEnds() {
        ConsoleLog log = new ConsoleLog();
        new Thread(() -> {
            sleep(30);
            log.end(5);
        }).start();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> log.waitFor(Pattern.compile("never"), Duration.ofSeconds(30)))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("ended");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void firstEventsWinAndLastLinesAreOldestFirst() {
        ConsoleLog log = new ConsoleLog();
        log.firstByte(7);
        log.firstByte(9);
        for (int i = 0; i < 5; i++) {
            log.add(new ConsoleLine(i, "l" + i));
        }
        assertThat(log.firstByteNanos()).hasValue(7);
        assertThat(log.lastLines(2)).containsExactly("l3", "l4");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
