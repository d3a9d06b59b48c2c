package dev.cvbench.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirTest {
    @TempDir
    Path dir;

    @Test
    void checkLeavesNothingBehindAndCreateMakesTimestampedDirs() throws Exception {
        OutputDir out = OutputDir.check(dir.resolve("results"));
        assertThat(dir.resolve("results")).doesNotExist();
        String id = OutputDir.runId(Instant.parse("2026-11-27T23:45:12.345Z"));
        assertThat(id).isEqualTo("20261127T234512Z");
        Path first = out.create(id);
        Path second = out.create(id);
        assertThat(first.getFileName().toString()).isEqualTo(id);
        assertThat(second.getFileName().toString()).isEqualTo(id + "-1");
    }

    @Test
    void aFileInTheWayIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputDir.check(file.resolve("results"))).isInstanceOf(HarnessException.BadInput.class)
                .hasMessageContaining("is not a directory");
    }
}
