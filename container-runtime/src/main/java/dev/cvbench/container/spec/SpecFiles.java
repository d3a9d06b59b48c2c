package dev.cvbench.container.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code config.json}; a parse error names the JSON path and line. */
public final class SpecFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SpecFiles() {}

    public static Spec read(Path configJson) throws ContainerException {
        String text;
        try {
            text = Files.readString(configJson);
        } catch (NoSuchFileException e) {
            throw new ContainerException("no config.json at " + configJson + ": write one with `cvrun spec`");
        } catch (IOException e) {
            throw new ContainerException("cannot read " + configJson + ": " + e.getMessage(), e);
        }
        return parse(text);
    }

    public static Spec parse(String json) throws InvalidConfigException {
        try {
            Spec spec = MAPPER.readValue(json, Spec.class);
            if (spec == null) {
                throw new InvalidConfigException("$", "config.json is empty");
            }
            return spec;
        } catch (JsonMappingException e) {
            throw new InvalidConfigException(pathOf(e), firstLine(e.getOriginalMessage()) + location(e));
        } catch (JsonProcessingException e) {
            throw new InvalidConfigException("$", "malformed JSON: " + firstLine(e.getOriginalMessage()) + location(e));
        }
    }

    public static String toJson(Spec spec) {
        try {
            return MAPPER.writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Spec always serializes", e);
        }
    }

    /** Renders Jackson's reference chain as a JSON path: {@code process.args[0]}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
