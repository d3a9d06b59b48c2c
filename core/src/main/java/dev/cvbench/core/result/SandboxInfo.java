package dev.cvbench.core.result;

import java.util.Map;
import java.util.Objects;

/** A sandbox as it was in this run: available or not (and why), and the facts that qualify its numbers. */
public record SandboxInfo(String kind, boolean available, String reason, Map<String, String> facts) {
    public SandboxInfo {
        Objects.requireNonNull(kind, "kind");
        reason = reason == null ? "" : reason;
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
