package dev.cvbench.harness.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the AppCDS archive of the agent's classes: one training run of the agent inside the rootfs with
 * {@code -XX:ArchiveClassesAtExit=/opt/cvbench/agent.jsa}, which at exit writes every class the run loaded
 * from the class path (and the JDK classes the base archive lacks) as a dynamic archive on top of the JDK's.
 * The run happens in a chroot because the archive records the class path exactly as the JVM saw it
 * ({@code /opt/cvbench/lib/...}), plus each jar's size and modification time.
 * <p>
 * Then it checks the archive works: a second run with {@code -Xlog:class+load} must report the main class as
 * loaded from the "shared objects file". A training run that fails, or an archive the JVM will not use, is not
 * an error: the image is built without AppCDS and the listener is told why.
 */
final class AppCdsTrainer {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path rootfs;
    private final AgentLayout plain;

    AppCdsTrainer(Path rootfs, AgentLayout layout) {
        this.rootfs = rootfs;
        this.plain = AgentLayout.of(layout.jarNames(), false);
    }

    /** Trains and verifies; returns whether the image now has a working AppCDS archive. */
    boolean train(String mainClass, List<String> args, BuildListener listener) throws ImageException, InterruptedException, IOException {
        Path archive = rootfs.resolve(AgentLayout.APP_CDS_ARCHIVE.substring(1));
        List<String> dump = plain.argv(AgentLayout.Tuning.STARTUP,
                List.of("-XX:ArchiveClassesAtExit=" + AgentLayout.APP_CDS_ARCHIVE), mainClass, args);
        Processes.Result r = Processes.run(Chroot.command(rootfs, dump), TIMEOUT);
        if (r.exitCode() != 0 || !Files.isRegularFile(archive)) {
            Files.deleteIfExists(archive);
            listener.stepSkipped(BuildStep.APP_CDS, "training run " + mainClass + " " + String.join(" ", args)
                    + " exited with status " + r.exitCode() + lastLine(r));
            return false;
        }
        AgentLayout withArchive = AgentLayout.of(plain.jarNames(), true);
        List<String> check = withArchive.argv(AgentLayout.Tuning.STARTUP, List.of("-Xlog:class+load=info"), mainClass, args);
        Processes.Result v = Processes.run(Chroot.command(rootfs, check), TIMEOUT);
        if (!usedArchive(v.output(), mainClass)) {
            Files.deleteIfExists(archive);
            listener.stepSkipped(BuildStep.APP_CDS, "the JVM does not use the archive it dumped" + lastLine(v));
            return false;
        }
        return true;
    }

    /** Whether {@code -Xlog:class+load} output shows {@code mainClass} coming from a CDS archive. */
    static boolean usedArchive(String classLoadLog, String mainClass) {
        for (String line : classLoadLog.split("\n")) {
            if (line.contains(" " + mainClass + " source: shared objects file")) {
                return true;
            }
        }
        return false;
    }

    private static String lastLine(Processes.Result r) {
        List<String> tail = new ArrayList<>(r.tail());
        return tail.isEmpty() ? "" : ": " + tail.get(tail.size() - 1).strip();
    }
}
