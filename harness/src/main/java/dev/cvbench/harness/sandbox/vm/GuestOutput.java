package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.vm.boot.BootPhases;
import java.util.Optional;

/**
 * Picks the guest command's own output out of a VM's serial console, line by line: the console also carries
 * the kernel's messages and /init's markers. Everything after {@code cvbench-init: exec} and before
 * {@code cvbench-init: exit N} is the command's (stdout and stderr, merged by the console); output without a
 * final newline shares its last line with the exit marker and is cut from it. With
 * {@code everything} set, every line is passed (for debugging a guest that does not get that far).
 */
public final class GuestOutput {
    static final String EXEC_LINE = "cvbench-init: exec";

    private final boolean everything;
    private boolean inCommand;
    private boolean done;

    public GuestOutput(boolean everything) {
        this.everything = everything;
    }

    /** The line to show for console line {@code text}, or empty when it is not the command's. */
    public Optional<String> accept(String text) {
        if (everything) {
            return Optional.of(text);
        }
        if (done) {
            return Optional.empty();
        }
        if (!inCommand) {
            inCommand = text.equals(EXEC_LINE) || text.endsWith(EXEC_LINE);
            return Optional.empty();
        }
        java.util.regex.Matcher exit = BootPhases.EXIT_LINE.matcher(text);
        if (exit.find() && text.endsWith(exit.group())) {
            done = true;
            String before = text.substring(0, exit.start());
            return before.isEmpty() ? Optional.empty() : Optional.of(before);
        }
        return Optional.of(text);
    }
}
