package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/dev/cvbench/container/network}. Run the tests with
 * {@code -Dgolden.update=true} to rewrite them after an intended format change, then review the diff.
 */
final class Golden {
    private static final Path SOURCE_DIR = Path.of("src/test/resources/dev/cvbench/container/network");

    private Golden() {}

    static String read(String name) {
        try (InputStream in = Golden.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertMatches(String name, String actual) {
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.writeString(SOURCE_DIR.resolve(name), actual);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        assertThat(actual).as("golden file %s (rerun with -Dgolden.update=true if the change is intended)", name)
                .isEqualTo(read(name));
    }
}
