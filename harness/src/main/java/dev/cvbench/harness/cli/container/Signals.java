package dev.cvbench.harness.cli.container;

import dev.cvbench.harness.HarnessException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Signal names (with or without {@code SIG}) and numbers, as {@code kill -s} takes them. */
final class Signals {
    private static final Map<String, Integer> NUMBERS = Map.of("HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9, "USR1", 10, "USR2", 12,
            "TERM", 15, "CONT", 18, "STOP", 19);

    private Signals() {}

    static int parse(String s) throws HarnessException.BadInput {
        String name = s.toUpperCase(Locale.ROOT).replaceFirst("^SIG", "");
        Integer n = NUMBERS.get(name);
        if (n != null) {
            return n;
        }
        try {
            int v = Integer.parseInt(s);
            if (v > 0 && v < 65) {
                return v;
            }
        } catch (NumberFormatException e) {
            // not a number either
        }
        throw new HarnessException.BadInput("unknown signal '" + s + "': use a name (" + String.join(", ", new TreeSet<>(NUMBERS.keySet()))
                + ") or a number 1-64");
    }
}
