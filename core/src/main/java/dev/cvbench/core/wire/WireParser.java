package dev.cvbench.core.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.core.sandbox.ConsoleLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns console lines into {@link AgentMessage}s; lines without the prefix are log and ignored. */
public final class WireParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WireParser() {}

    /**
     * Parses one line.
     *
     * @return empty for an ordinary log line
     * @throws WireException for a line that carries the prefix but no valid JSON object with a {@code type}
     */
    public static Optional<AgentMessage> parse(ConsoleLine line) {
        String text = line.text();
        int at = text.indexOf(WireFormat.PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String json = text.substring(at + WireFormat.PREFIX.length()).strip();
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new WireException("garbled agent line: " + abbreviate(text), e);
        }
        if (node == null || !node.isObject() || !node.path("type").isTextual()) {
            throw new WireException("agent line without a JSON object with a \"type\": " + abbreviate(text));
        }
        return Optional.of(new AgentMessage(node.get("type").asText(), node, line.arrivalNanos()));
    }

    /** Parses every line; fails on the first garbled one. */
    public static List<AgentMessage> parseAll(List<ConsoleLine> lines) {
        List<AgentMessage> out = new ArrayList<>();
        for (ConsoleLine l : lines) {
            parse(l).ifPresent(out::add);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
