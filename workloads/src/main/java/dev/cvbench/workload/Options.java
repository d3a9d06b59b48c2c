package dev.cvbench.workload;

import java.util.Map;

/** Typed reads of an agent's {@code --key value} options. */
public final class Options {
    private Options() {}

    public static int intOption(Map<String, String> options, String key, int defaultValue) {
        String v = options.get(key);
        if (v == null || v.equals("auto")) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer, was '" + v + "'");
        }
    }
}
