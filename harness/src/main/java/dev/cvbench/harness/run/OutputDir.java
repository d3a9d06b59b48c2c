package dev.cvbench.harness.run;

import dev.cvbench.harness.HarnessException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Where a run's files go: {@code <out>/<UTC timestamp>/}. Checked for writability before the run starts
 * (so a bad {@code --out} fails in a second, not after an hour), created only when results exist.
 */
public final class OutputDir {
    static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path base;

    private OutputDir(Path base) {
        this.base = base;
    }

    /** Checks that {@code base} is (or can be created as) a writable directory, leaving nothing behind. */
    public static OutputDir check(Path base) throws HarnessException.BadInput {
        Path abs = base.toAbsolutePath();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new HarnessException.BadInput("cannot write results to " + abs + ": " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            throw new HarnessException.BadInput("cannot write results to " + abs + ": " + existing + " is not writable (choose another --out)");
        }
        if (Files.exists(abs)) {
            try {
                Path probe = Files.createTempFile(abs, ".cvbench-probe", ".tmp");
                Files.delete(probe);
            } catch (IOException e) {
                throw new HarnessException.BadInput("cannot write results to " + abs + ": " + e.getMessage() + " (choose another --out)");
            }
        }
        return new OutputDir(abs);
    }

    public static String runId(Instant at) {
        return ID.format(at);
    }

    /** Creates and returns the directory for a run. */
    public Path create(String runId) throws IOException {
        Path dir = base.resolve(runId);
        int n = 1;
        while (Files.exists(dir)) {
            dir = base.resolve(runId + "-" + n++);
        }
        return Files.createDirectories(dir);
    }
}
