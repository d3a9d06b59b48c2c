package dev.cvbench.harness.image;

import dev.cvbench.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One image build, step by step, into a temporary cache directory {@code <tmp>/rootfs} + {@code <tmp>/image.json}.
 * Each step is timed and reported to the listener; a failing step throws {@link ImageException.StepFailed}
 * naming it, and the caller deletes the temporary directory.
 */
final class RootfsAssembly {
    private final ImageInputs in;
    private final ImageBuilder.Resolved resolved;
    private final Path dir;
    private final Path rootfs;
    private final Path jre;
    private final BuildListener listener;
    private final Map<String, Long> stepMillis = new LinkedHashMap<>();

    RootfsAssembly(ImageInputs in, ImageBuilder.Resolved resolved, Path dir, BuildListener listener) {
        this.in = in;
        this.resolved = resolved;
        this.dir = dir;
        this.rootfs = dir.resolve("rootfs");
        this.jre = rootfs.resolve(AgentLayout.JRE.substring(1));
        this.listener = listener;
    }

    /** A step's work. */
    private interface Work<T> {
        T run() throws ImageException, IOException, InterruptedException;
    }

    private <T> T step(BuildStep step, Work<T> work) throws ImageException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("guest image build interrupted before " + step.label());
        }
        listener.stepStarted(step);
        long t0 = System.nanoTime();
        T result;
        try {
            result = work.run();
        } catch (IOException e) {
            throw new ImageException.StepFailed(step, ImageException.describe(e), List.of(), e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        stepMillis.put(step.name().toLowerCase(java.util.Locale.ROOT), took.toMillis());
        listener.stepFinished(step, took);
        return result;
    }

    ImageManifest assemble() throws ImageException, InterruptedException {
        step(BuildStep.SKELETON, () -> {
            RootfsSkeleton.create(rootfs, in.hostname());
            return null;
        });
        step(BuildStep.BUSYBOX, () -> {
            Set<String> wanted = in.applets();
            return Busybox.install(resolved.busybox(), rootfs, Busybox.listApplets(resolved.busybox()),
                    name -> wanted.isEmpty() || wanted.contains(name));
        });
        List<String> jarNames = step(BuildStep.AGENT_JARS, this::installAgentJars);
        List<Path> jars = jarNames.stream().map(n -> rootfs.resolve(AgentLayout.LIB.substring(1)).resolve(n)).toList();
        List<String> modules = step(BuildStep.MODULES, () -> JreLinker.modules(in.jdkHome(), in.modules(), jars, in.jdepsModules()));
        boolean stripped = buildJre(modules);
        List<String> libs = step(BuildStep.NATIVE_LIBS, () -> NativeLibs.copyInto(jre, rootfs));
        step(BuildStep.CDS, () -> JreLinker.dumpCds(jre));
        boolean appCds = appCds(jarNames);
        Map<String, List<Double>> startup = probeStartup(AgentLayout.of(jarNames, appCds));
        return step(BuildStep.PUBLISH, () -> {
            ImageManifest manifest = new ImageManifest(ImageManifest.SCHEMA, resolved.key().hash(), resolved.key().parts(),
                    Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), modules, jarNames, appCds, stripped, libs, sizes(),
                    stepMillis, startup);
            AtomicFiles.writeString(dir.resolve(ImageManifest.FILE_NAME), manifest.toJson());
            return manifest;
        });
    }

    /** The AppCDS step, when it can run; returns whether the image has a working archive. */
    private boolean appCds(List<String> jarNames) throws ImageException, InterruptedException {
        if (!resolved.appCds()) {
            listener.stepSkipped(BuildStep.APP_CDS, in.trainingMain().isEmpty() ? "no training run configured" : "chroot needs root");
            return false;
        }
        return step(BuildStep.APP_CDS, () -> new AppCdsTrainer(rootfs, AgentLayout.of(jarNames, false))
                .train(in.trainingMain().orElseThrow(), in.trainingArgs(), listener));
    }

    /** jlink, then strip; returns whether the native libraries were stripped. */
    private boolean buildJre(List<String> modules) throws ImageException, InterruptedException {
        step(BuildStep.JLINK, () -> {
            JreLinker.jlink(in.jdkHome(), modules, in.jlinkOptions(), jre);
            return null;
        });
        if (!in.stripNativeSymbols()) {
            return false;
        }
        boolean stripped = step(BuildStep.STRIP, () -> JreLinker.strip(jre));
        if (!stripped) {
            listener.stepSkipped(BuildStep.STRIP, "binutils' strip is not installed");
        }
        return stripped;
    }

    private List<String> installAgentJars() throws IOException, ImageException {
        Path lib = rootfs.resolve(AgentLayout.LIB.substring(1));
        List<String> names = new ArrayList<>();
        for (Path source : resolved.agentSources()) {
            String name = AgentJars.jarName(source);
            if (names.contains(name)) {
                throw new ImageException.StepFailed(BuildStep.AGENT_JARS, "two agent jar sources are both named " + name
                        + " (" + source + ")", List.of(), null);
            }
            AgentJars.install(source, lib.resolve(name));
            names.add(name);
        }
        return names;
    }

    private ImageManifest.Sizes sizes() throws IOException {
        long cdsBytes = Files.size(rootfs.resolve(AgentLayout.JDK_CDS_ARCHIVE.substring(1)));
        Path app = rootfs.resolve(AgentLayout.APP_CDS_ARCHIVE.substring(1));
        long appBytes = Files.exists(app) ? Files.size(app) : 0;
        return new ImageManifest.Sizes(Digests.treeSize(jre) - cdsBytes, cdsBytes, appBytes, Digests.treeSize(rootfs));
    }

    private Map<String, List<Double>> probeStartup(AgentLayout layout) throws ImageException, InterruptedException {
        if (in.startupProbeRuns() == 0 || !Chroot.isRoot()) {
            listener.stepSkipped(BuildStep.STARTUP, in.startupProbeRuns() == 0 ? "disabled" : "chroot needs root");
            return Map.of();
        }
        return step(BuildStep.STARTUP, () -> {
            Map<String, List<Double>> m = new LinkedHashMap<>();
            m.put(ImageManifest.JAVA_VERSION_CDS, JvmStartup.measure(rootfs, layout, JvmStartup.Cds.ON, List.of("-version"), in.startupProbeRuns()));
            m.put(ImageManifest.JAVA_VERSION_NO_CDS, JvmStartup.measure(rootfs, layout, JvmStartup.Cds.OFF, List.of("-version"), in.startupProbeRuns()));
            return m;
        });
    }

}
