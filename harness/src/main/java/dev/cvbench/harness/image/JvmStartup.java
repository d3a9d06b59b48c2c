package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how long the image's JVM takes to start and exit, with and without class data sharing, from the
 * host's point of view (fork of the chroot wrapper to its exit; the wrapper's own cost is the same in both
 * modes). This is the number behind "a CDS archive halves JVM start": run it on the host here, and the VM
 * engineer's boot phases show it again under emulation.
 */
public final class JvmStartup {
    /** Class data sharing on or off. */
    public enum Cds {
        /** {@code -Xshare:off}: every class parsed and verified at start. */
        OFF,
        /** The JDK's archive only ({@code lib/server/classes.jsa}); application classes loaded from the jars. */
        JDK,
        /** The image's archives: the JDK's, plus the agent AppCDS archive when the image has one. */
        ON
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private JvmStartup() {}

    /**
     * Starts {@code java [flags] programArgs} in the image {@code runs} times and returns each wall time in
     * milliseconds. {@code programArgs} is e.g. {@code ["-version"]} or {@code ["-cp", cp, "Main"]}.
     * Needs root (see {@link Chroot}).
     */
    public static List<Double> measure(GuestImage image, Cds cds, List<String> programArgs, int runs)
            throws ImageException, InterruptedException {
        return measure(image.rootfs(), image.layout(), cds, programArgs, runs);
    }

    static List<Double> measure(Path rootfs, AgentLayout layout, Cds cds, List<String> programArgs, int runs)
            throws ImageException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(AgentLayout.JAVA);
        for (String flag : layout.jvmFlags(AgentLayout.Tuning.STARTUP)) {
            if (cds != Cds.ON && flag.startsWith("-XX:SharedArchiveFile=")) {
                continue;
            }
            argv.add(cds == Cds.OFF && flag.startsWith("-Xshare:") ? "-Xshare:off" : flag);
        }
        argv.addAll(programArgs);
        return measureArgv(rootfs, argv, runs);
    }

    /** Runs an in-image argv {@code runs} times; each run must exit 0. Wall times in milliseconds. */
    public static List<Double> measureArgv(Path rootfs, List<String> argv, int runs)
            throws ImageException, InterruptedException {
        List<String> cmd = Chroot.command(rootfs, argv);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Processes.Result r;
            try {
                r = Processes.run(cmd, TIMEOUT);
            } catch (IOException e) {
                throw new ImageException.StepFailed(BuildStep.STARTUP, "cannot run " + cmd.get(0) + ": " + e.getMessage(), List.of(), e);
            }
            if (r.exitCode() != 0) {
                throw new ImageException.StepFailed(BuildStep.STARTUP, String.join(" ", argv) + " exited with status "
                        + r.exitCode(), r.tail(), null);
            }
            out.add(r.took().toNanos() / 1e6);
        }
        return out;
    }
}
