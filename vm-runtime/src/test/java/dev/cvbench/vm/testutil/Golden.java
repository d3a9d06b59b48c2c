package dev.cvbench.vm.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: the expected text lives in {@code src/test/resources/<dir>/<name>}. Run with
 * {@code -Dcvbench.golden.update=true} to (re)write the files after a deliberate change, then review the diff.
 */
public final class Golden {
    private static final Path ROOT = Path.of("src/test/resources");

    private Golden() {
    }

    public static void assertMatches(String resource, String actual) throws IOException {
        Path file = ROOT.resolve(resource);
        if (Boolean.getBoolean("cvbench.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (create with -Dcvbench.golden.update=true)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
