package dev.cvbench.harness.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.cvbench.harness.HarnessException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Loads a suite: one of the built-in ones ({@code quick}, {@code standard}) or a YAML / JSON file. Unknown
 * keys are errors (a typo must not silently change what runs). Semantic checks (known workloads and
 * runtimes) are {@link SuiteValidator}'s.
 */
public final class SuiteLoader {
    /** The built-in suites, in the order {@code cvbench list} shows them. */
    public static final List<String> BUILT_IN = List.of("quick", "standard");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SuiteLoader() {}

    /** A built-in suite name, or a path to a suite file. */
    public static Suite load(String nameOrFile) throws HarnessException.BadInput {
        if (BUILT_IN.contains(nameOrFile)) {
            try (InputStream in = SuiteLoader.class.getResourceAsStream("/suites/" + nameOrFile + ".yaml")) {
                if (in == null) {
                    throw new IllegalStateException("built-in suite missing from the jar: " + nameOrFile);
                }
                return YAML.readValue(in, Suite.class);
            } catch (IOException e) {
                throw new IllegalStateException("built-in suite " + nameOrFile + " is broken", e);
            }
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new HarnessException.BadInput("no suite '" + nameOrFile + "': not a built-in suite ("
                    + String.join(", ", BUILT_IN) + ") and not a readable file");
        }
        return parse(file);
    }

    static Suite parse(Path file) throws HarnessException.BadInput {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".json") ? JSON : YAML;
        try {
            Suite suite = mapper.readValue(file.toFile(), Suite.class);
            if (suite == null) {
                throw new HarnessException.BadInput("suite file " + file + " is empty");
            }
            return suite;
        } catch (JsonMappingException e) {
            throw new HarnessException.BadInput("suite file " + file + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new HarnessException.BadInput("suite file " + file + " is not valid " + (mapper == JSON ? "JSON" : "YAML")
                    + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new HarnessException.BadInput("cannot read suite file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String msg = e.getOriginalMessage();
        if (msg.startsWith("Unrecognized field")) {
            msg = "unknown key";
        } else if (msg.startsWith("Missing required creator property")) {
            msg = "required key missing: " + msg.replaceAll(".*'([^']+)'.*", "$1");
        } else {
            msg = msg.split("\n")[0];
        }
        return (path.isEmpty() ? "" : path + ": ") + msg + where(e.getLocation());
    }

    private static String where(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? "" : " (line " + loc.getLineNr() + ")";
    }
}
