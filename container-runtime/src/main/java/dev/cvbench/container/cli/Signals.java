package dev.cvbench.container.cli;

import java.util.Locale;
import java.util.Map;

/** Signal names and numbers as {@code kill} accepts them: {@code KILL}, {@code SIGKILL} or {@code 9}. */
final class Signals {
    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("HUP", 1), Map.entry("INT", 2),
            Map.entry("QUIT", 3), Map.entry("ABRT", 6), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
            Map.entry("TERM", 15), Map.entry("CHLD", 17), Map.entry("CONT", 18), Map.entry("STOP", 19),
            Map.entry("TSTP", 20), Map.entry("WINCH", 28));

    private Signals() {}

    static int parse(String s) {
        String name = s.toUpperCase(Locale.ROOT);
        if (name.matches("\\d+")) {
            int n = Integer.parseInt(name);
            if (n < 1 || n > 64) {
                throw new IllegalArgumentException("signal number " + n + " out of range 1..64");
            }
            return n;
        }
        Integer n = NUMBERS.get(name.startsWith("SIG") ? name.substring(3) : name);
        if (n == null) {
            throw new IllegalArgumentException("unknown signal '" + s + "' (e.g. TERM, KILL, 9)");
        }
        return n;
    }
}
