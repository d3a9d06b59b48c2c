package dev.cvbench.core.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@code results.json}. Property names are snake_case; numbers are written with
 * {@link Double#toString(double)}, so the host's locale never reaches the file. Writes are atomic.
 */
public final class ResultFile {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultFile() {}

    /** The mapper result files use, for other machine-readable outputs that share the conventions. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(RunResult result) {
        try {
            return MAPPER.writeValueAsString(result) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise result", e);
        }
    }

    /** Writes the file atomically: a temp file in the same directory, then a rename over the target. */
    public static void write(RunResult result, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(result));
    }

    /**
     * Reads a result file.
     *
     * @throws IOException when unreadable, not JSON, or of an unknown schema (the message names the file)
     */
    public static RunResult read(Path file) throws IOException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a cvbench result file: " + e.getOriginalMessage(), e);
        }
        String schema = tree.path("schema").asText("");
        if (!RunResult.SCHEMA.equals(schema)) {
            throw new IOException(file + ": unsupported schema '" + schema + "' (this cvbench reads " + RunResult.SCHEMA + ")");
        }
        return MAPPER.treeToValue(tree, RunResult.class);
    }

    public static RunResult parse(String json) throws IOException {
        return MAPPER.readValue(json, RunResult.class);
    }

    static void ensureParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
