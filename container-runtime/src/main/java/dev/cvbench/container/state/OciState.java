package dev.cvbench.container.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/** The OCI runtime-spec state document ({@code cvrun state ID}, and {@code <root>/<id>/state.json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ociVersion", "id", "status", "pid", "bundle", "annotations"})
public record OciState(String ociVersion, String id, String status, Long pid, String bundle, Map<String, String> annotations) {
    public static final String OCI_VERSION = "1.0.2";
}
