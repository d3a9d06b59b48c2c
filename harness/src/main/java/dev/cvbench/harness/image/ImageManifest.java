package dev.cvbench.harness.image;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a cached image is, written next to its rootfs as {@code image.json} (never inside it, so the rootfs holds
 * only what instances see). Written last, inside the temporary directory that is then renamed into place, so
 * an entry with a manifest is always complete. Snake_case JSON, schema {@value #SCHEMA}:
 * <pre>
 * {"schema":1, "key":"3f2a...", "key_parts":{"builder":"1", "busybox":"<sha256>", ...},
 *  "built_at":"2026-11-27T23:59:00Z", "modules":["java.base", ...], "agent_jars":["cvbench-core.jar"],
 *  "app_cds":true, "stripped":true, "native_libs":["/lib/x86_64-linux-gnu/libc.so.6", ...],
 *  "sizes":{"jre_bytes":..., "cds_bytes":..., "app_cds_bytes":..., "rootfs_bytes":...},
 *  "step_millis":{"jlink":10400, ...},
 *  "startup_millis":{"java_version_cds":[43.1, ...], "java_version_no_cds":[88.0, ...]}}
 * </pre>
 */
@JsonPropertyOrder({"schema", "key", "key_parts", "built_at", "modules", "agent_jars", "app_cds", "stripped", "native_libs",
                    "sizes", "step_millis", "startup_millis"})
public record ImageManifest(
        int schema,
        String key,
        Map<String, String> keyParts,
        String builtAt,
        List<String> modules,
        List<String> agentJars,
        boolean appCds,
        boolean stripped,
        List<String> nativeLibs,
        Sizes sizes,
        Map<String, Long> stepMillis,
        Map<String, List<Double>> startupMillis) {

    public static final int SCHEMA = 1;
    public static final String FILE_NAME = "image.json";
    /** Keys of {@link #startupMillis()}. */
    public static final String JAVA_VERSION_CDS = "java_version_cds";
    public static final String JAVA_VERSION_NO_CDS = "java_version_no_cds";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ImageManifest {
        keyParts = Map.copyOf(keyParts);
        modules = List.copyOf(modules);
        agentJars = List.copyOf(agentJars);
        nativeLibs = List.copyOf(nativeLibs);
        stepMillis = Map.copyOf(stepMillis);
        startupMillis = Map.copyOf(startupMillis);
    }

    /** Byte counts of the image's parts. {@code jreBytes} excludes the CDS archive. */
    @JsonPropertyOrder({"jre_bytes", "cds_bytes", "app_cds_bytes", "rootfs_bytes"})
    public record Sizes(long jreBytes, long cdsBytes, long appCdsBytes, long rootfsBytes) {}

    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("manifest serialization cannot fail", e);
        }
    }

    public static ImageManifest fromJson(String json) throws IOException {
        return MAPPER.readValue(json, ImageManifest.class);
    }

    static ImageManifest read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), ImageManifest.class);
    }
}
