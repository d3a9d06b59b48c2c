package dev.cvbench.core.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One parsed {@code CVBENCH} line.
 *
 * @param type {@code ready}, {@code sample}, {@code result} or {@code error}
 * @param body the whole JSON object, type included
 * @param arrivalNanos host monotonic time the line arrived (from the console line)
 */
public record AgentMessage(String type, JsonNode body, long arrivalNanos) {
    public AgentMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(body, "body");
    }

    public boolean is(String wanted) {
        return type.equals(wanted);
    }

    public String text(String field) {
        return body.path(field).asText("");
    }

    public double number(String field) {
        JsonNode n = body.get(field);
        if (n == null || !n.isNumber()) {
            throw new WireException("field '" + field + "' is missing or not a number in " + body);
        }
        return n.doubleValue();
    }
}
