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
            throw new ImageException.StepFailed(step, e.toString(), List.of(), e);
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
        step(BuildStep.JLINK, () -> {
            JreLinker.jlink(in.jdkHome(), modules, in.jlinkOptions(), jre);
            return null;
        });
        boolean stripped = false;
        if (in.stripNativeSymbols()) {
            stripped = step(BuildStep.STRIP, () -> JreLinker.strip(jre));
            if (!stripped) {
                listener.stepSkipped(BuildStep.STRIP, "binutils' strip is not installed");
            }
        }
        List<String> libs = step(BuildStep.NATIVE_LIBS, () -> NativeLibs.copyInto(jre, rootfs));
        Path cds = step(BuildStep.CDS, () -> JreLinker.dumpCds(jre));
        AgentLayout layout = AgentLayout.of(jarNames, false);
        boolean appCds = false;
        if (resolved.appCds()) {
            appCds = step(BuildStep.APP_CDS, () -> new AppCdsTrainer(rootfs, layout).train(in.trainingMain().orElseThrow(),
                    in.trainingArgs(), listener));
        } else {
            listener.stepSkipped(BuildStep.APP_CDS, in.trainingMain().isEmpty() ? "no training run configured"
                    : "chroot needs root");
        }
        ImageManifest.Sizes sizes = step(BuildStep.PUBLISH, () -> sizes(cds));
        ImageManifest draft = manifest(modules, jarNames, appCds, stripped, libs, sizes, Map.of());
        Map<String, List<Double>> startup = probeStartup(draft);
        ImageManifest manifest = manifest(modules, jarNames, appCds, stripped, libs, sizes, startup);
        try {
            AtomicFiles.writeString(dir.resolve(ImageManifest.FILE_NAME), manifest.toJson());
        } catch (IOException e) {
            throw new ImageException.StepFailed(BuildStep.PUBLISH, e.toString(), List.of(), e);
        }
        return manifest;
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

    private ImageManifest.Sizes sizes(Path cds) throws IOException {
        long cdsBytes = Files.size(cds);
        Path app = rootfs.resolve(AgentLayout.APP_CDS_ARCHIVE.substring(1));
        long appBytes = Files.exists(app) ? Files.size(app) : 0;
        return new ImageManifest.Sizes(Digests.treeSize(jre) - cdsBytes, cdsBytes, appBytes, Digests.treeSize(rootfs));
    }

    private Map<String, List<Double>> probeStartup(ImageManifest draft) throws ImageException, InterruptedException {
        if (in.startupProbeRuns() == 0 || !Chroot.isRoot()) {
            listener.stepSkipped(BuildStep.STARTUP, in.startupProbeRuns() == 0 ? "disabled" : "chroot needs root");
            return Map.of();
        }
        return step(BuildStep.STARTUP, () -> {
            GuestImage image = new GuestImage(dir, draft, false);
            Map<String, List<Double>> m = new LinkedHashMap<>();
            m.put(ImageManifest.JAVA_VERSION_CDS, JvmStartup.measure(image, JvmStartup.Cds.ON, List.of("-version"), in.startupProbeRuns()));
            m.put(ImageManifest.JAVA_VERSION_NO_CDS, JvmStartup.measure(image, JvmStartup.Cds.OFF, List.of("-version"), in.startupProbeRuns()));
            return m;
        });
    }

    private ImageManifest manifest(List<String> modules, List<String> jarNames, boolean appCds, boolean stripped,
                                   List<String> libs, ImageManifest.Sizes sizes, Map<String, List<Double>> startup) {
        return new ImageManifest(ImageManifest.SCHEMA, resolved.key().hash(), resolved.key().parts(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(), modules, jarNames, appCds, stripped, libs, sizes,
                stepMillis, startup);
    }
}
