package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** image.json is machine-readable: its format is sealed by a golden file, under locales with a decimal comma too. */
class ImageManifestTest {
    static ImageManifest sample() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("builder", "1");
        parts.put("busybox", "ab12");
        parts.put("modules", "java.base +jdeps");
        return new ImageManifest(ImageManifest.SCHEMA, "0123456789abcdef", parts, "2026-11-27T23:59:00.250Z",
                List.of("java.base", "java.management"), List.of("cvbench-core.jar", "cvbench-workloads.jar"), true, true,
                List.of("/lib/x86_64-linux-gnu/libc.so.6", "/lib64/ld-linux-x86-64.so.2"),
                new ImageManifest.Sizes(31_768_000L, 11_395_072L, 98_304L, 50_900_000L),
                Map.of("jlink", 4700L, "cds", 1000L),
                Map.of(ImageManifest.JAVA_VERSION_CDS, List.of(42.5, 43.0), ImageManifest.JAVA_VERSION_NO_CDS, List.of(88.25, 90.0)));
    }

    static String golden() throws IOException {
        try (InputStream in = ImageManifestTest.class.getResourceAsStream("image-manifest.golden.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US", "de-DE", "fr-FR"})
    void matchesGoldenFileInEveryLocale(String tag) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertThat(sample().toJson()).isEqualTo(golden());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-US"})
    void roundTrips(String ignored) throws IOException {
        ImageManifest back = ImageManifest.fromJson(golden());
        assertThat(back).isEqualTo(sample());
        assertThat(new GuestImage(java.nio.file.Path.of("/c/k"), back, true).layout().classPath())
                .isEqualTo("/opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar");
    }
}
