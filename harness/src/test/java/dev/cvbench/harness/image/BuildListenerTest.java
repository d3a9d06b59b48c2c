package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildListenerTest {
    @Test
    void describesProgressAsCliLines() {
        List<String> lines = new ArrayList<>();
        BuildListener l = BuildListener.lines(lines::add);
        l.stepStarted(BuildStep.JLINK);
        l.stepFinished(BuildStep.JLINK, Duration.ofMillis(12_400));
        l.stepFinished(BuildStep.CDS, Duration.ofMillis(980));
        l.stepSkipped(BuildStep.APP_CDS, "chroot needs root");
        l.cacheHit("0123456789abcdef");
        assertThat(lines).containsExactly(
                "building guest image: jlink ...",
                "building guest image: jlink (12 s)",
                "building guest image: CDS archive (1.0 s)",
                "building guest image: AppCDS archive skipped: chroot needs root",
                "guest image 0123456789abcdef: cached");
    }
}
