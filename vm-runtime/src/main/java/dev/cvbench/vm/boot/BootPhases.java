package dev.cvbench.vm.boot;

import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.core.wire.WireFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The boot phases of one VM, computed from what the host observed: a pure function of timestamps and
 * console lines, so it is unit tested without a VM.
 *
 * <pre>
 * launch_requested  the API call (domain create) was made
 * qemu_up           QEMU connected to the console socket: the process exists, devices are set up
 * domain_running    the create call returned: libvirt has finished its monitor set-up and resumed the vCPUs
 *                   (libvirt only; QEMU started directly runs at once)
 * first_output      first console byte (the kernel's first message, or init's with 'quiet')
 * init_started      line "cvbench-init: started": the kernel has run /init
 * agent_ready       first line containing CVBENCH {"type":"ready"  (only for agents)
 * command_done      line "cvbench-init: exit N": the guest command has ended
 * gone              the domain no longer exists
 * </pre>
 *
 * Phases not observed are left out; the list is in the order above, which is also time order for a healthy
 * boot (the kernel may print before libvirt's create call returns; {@code first_output} then precedes
 * {@code domain_running}, which is why the list is sorted by time at the end).
 */
public final class BootPhases {
    public static final String QEMU_UP = "qemu_up";
    public static final String DOMAIN_RUNNING = "domain_running";
    public static final String INIT_STARTED = "init_started";
    public static final String COMMAND_DONE = "command_done";

    /** The line /init prints first. */
    public static final String INIT_STARTED_LINE = "cvbench-init: started";
    /** Matches /init's last line and captures the command's exit status. */
    public static final Pattern EXIT_LINE = Pattern.compile("cvbench-init: exit (\\d{1,3})\\b");
    /** The agent's ready message, as it appears on the console. */
    public static final String READY_MARKER = WireFormat.PREFIX + "{\"type\":\"" + WireFormat.READY + "\"";

    private BootPhases() {
    }

    /**
     * Computes the phases.
     *
     * @param launchNanos when the domain create call was made
     * @param qemuUpNanos when QEMU connected to the console, if it did
     * @param firstByteNanos arrival of the first console byte, if any
     * @param lines the console lines so far
     * @param goneNanos when the domain was seen gone, if it is
     */
    public static List<PhaseMark> of(long launchNanos, OptionalLong qemuUpNanos, OptionalLong firstByteNanos,
            List<ConsoleLine> lines, OptionalLong goneNanos) {
        return of(launchNanos, qemuUpNanos, OptionalLong.empty(), firstByteNanos, lines, goneNanos);
    }

    /** As {@link #of(long, OptionalLong, OptionalLong, List, OptionalLong)}, plus when libvirt's create returned. */
    public static List<PhaseMark> of(long launchNanos, OptionalLong qemuUpNanos, OptionalLong runningNanos,
            OptionalLong firstByteNanos, List<ConsoleLine> lines, OptionalLong goneNanos) {
        List<PhaseMark> marks = new ArrayList<>();
        marks.add(new PhaseMark(PhaseMark.LAUNCH_REQUESTED, launchNanos));
        qemuUpNanos.ifPresent(n -> marks.add(new PhaseMark(QEMU_UP, n)));
        runningNanos.ifPresent(n -> marks.add(new PhaseMark(DOMAIN_RUNNING, n)));
        firstByteNanos.ifPresent(n -> marks.add(new PhaseMark(PhaseMark.FIRST_OUTPUT, n)));
        firstLine(lines, INIT_STARTED_LINE).ifPresent(n -> marks.add(new PhaseMark(INIT_STARTED, n)));
        firstLine(lines, READY_MARKER).ifPresent(n -> marks.add(new PhaseMark(PhaseMark.AGENT_READY, n)));
        for (ConsoleLine line : lines) {
            if (EXIT_LINE.matcher(line.text()).find()) {
                marks.add(new PhaseMark(COMMAND_DONE, line.arrivalNanos()));
                break;
            }
        }
        goneNanos.ifPresent(n -> marks.add(new PhaseMark(PhaseMark.GONE, n)));
        marks.sort(java.util.Comparator.comparingLong(PhaseMark::nanos));
        return List.copyOf(marks);
    }

    /** The exit status /init reported ({@code cvbench-init: exit N}), if it has. */
    public static OptionalInt exitStatus(List<ConsoleLine> lines) {
        for (ConsoleLine line : lines) {
            Matcher m = EXIT_LINE.matcher(line.text());
            if (m.find()) {
                return OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalLong firstLine(List<ConsoleLine> lines, String marker) {
        for (ConsoleLine line : lines) {
            if (line.text().contains(marker)) {
                return OptionalLong.of(line.arrivalNanos());
            }
        }
        return OptionalLong.empty();
    }
}
