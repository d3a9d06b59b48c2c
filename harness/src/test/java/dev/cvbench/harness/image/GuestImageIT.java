package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cvbench.core.wire.AgentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Builds the real image (busybox-static, jlink, CDS, AppCDS) into a temporary cache and checks it. Two full
 * builds in all (~20 s each on two cores). The chroot checks need root and skip with a reason otherwise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestImageIT {
    /** The jlinked JRE without its CDS archive must stay under this. */
    static final long JRE_BUDGET_BYTES = 40L * 1024 * 1024;

    Path cacheRoot;
    Path probeParent;
    ImageInputs inputs;
    GuestImage image;
    final List<String> events = new ArrayList<>();

    @BeforeAll
    void buildOnce() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "busybox-static is not installed (apt-get install busybox-static)");
        assumeTrue(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "jlink")), "the build JDK has no jlink");
        cacheRoot = Files.createTempDirectory("cvbench-image-it");
        inputs = ImageInputs.builder()
                .cacheRoot(cacheRoot)
                .agentSources(List.of(AgentJars.sourceOf(AgentWriter.class), probeDir()))
                .training(ProbeMain.class.getName(), List.of())
                .build();
        image = new ImageBuilder(inputs).build(recorder());
    }

    @AfterAll
    void cleanUp() throws IOException {
        if (cacheRoot != null) {
            ImageCache.deleteTree(cacheRoot);
        }
        if (probeParent != null) {
            ImageCache.deleteTree(probeParent);
        }
    }

    /** A class directory holding only ProbeMain, so the image's class path stays small. */
    private Path probeDir() throws Exception {
        Path src = AgentJars.sourceOf(ProbeMain.class);
        String rel = ProbeMain.class.getName().replace('.', '/') + ".class";
        probeParent = Files.createTempDirectory("cvbench-probe");
        Path dir = probeParent.resolve("probe");
        Files.createDirectories(dir.resolve(rel).getParent());
        Files.copy(src.resolve(rel), dir.resolve(rel));
        return dir;
    }

    private BuildListener recorder() {
        return new BuildListener() {
            @Override
            public void cacheHit(String key) {
                events.add("hit " + key);
            }

            @Override
            public void stepFinished(BuildStep step, Duration took) {
                events.add(String.format(Locale.ROOT, "%s (%.1f s)", step.label(), took.toMillis() / 1000.0));
            }

            @Override
            public void stepSkipped(BuildStep step, String reason) {
                events.add(step.label() + " skipped: " + reason);
            }
        };
    }

    @Test
    void treeHasStaticBusyboxEtcJreAndAgentJars() throws Exception {
        System.out.println("[image] build steps: " + events);
        Path rootfs = image.rootfs();
        assertThat(image.cacheHit()).isFalse();
        assertThat(Elf.isStatic(rootfs.resolve("bin/busybox"))).isTrue();
        Processes.Result echo = Processes.run(List.of(rootfs.resolve("bin/busybox").toString(), "echo", "hi"), Duration.ofSeconds(10));
        assertThat(echo.output()).isEqualTo("hi");
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.readString(rootfs.resolve("etc/passwd"))).startsWith("root:x:0:0:");
        assertThat((Integer) Files.getAttribute(rootfs.resolve("tmp"), "unix:mode") & 07777).isEqualTo(01777);
        for (String d : List.of("proc", "sys", "dev", "run")) {
            assertThat(rootfs.resolve(d)).isDirectory();
        }
        // core is target/classes (jarred as core.jar) under "test", its packaged jar under "verify"
        assertThat(image.manifest().agentJars()).hasSize(2).endsWith("probe.jar");
        assertThat(image.manifest().agentJars().get(0)).matches("(cvbench-)?core.*\\.jar");
        for (String jar : image.manifest().agentJars()) {
            assertThat(rootfs.resolve("opt/cvbench/lib").resolve(jar)).isRegularFile();
        }
        assertThat(image.manifest().modules()).contains("java.base", "java.management", "jdk.unsupported");
        assertThat(image.manifest().nativeLibs()).anyMatch(l -> l.endsWith("/libc.so.6"));
        assertThat(Files.readString(image.dir().resolve(ImageManifest.FILE_NAME))).contains("\"key\" : \"" + image.key() + "\"");
    }

    @Test
    void jreIsWithinBudgetAndHasCdsArchive() {
        ImageManifest.Sizes s = image.manifest().sizes();
        System.out.printf(Locale.ROOT, "[image] JRE %.1f MiB + CDS %.1f MiB + AppCDS %.1f MiB; rootfs %.1f MiB%n",
                s.jreBytes() / 1048576.0, s.cdsBytes() / 1048576.0, s.appCdsBytes() / 1048576.0, s.rootfsBytes() / 1048576.0);
        assertThat(s.jreBytes()).isLessThan(JRE_BUDGET_BYTES);
        assertThat(image.rootfs().resolve(AgentLayout.JDK_CDS_ARCHIVE.substring(1))).isRegularFile();
        assertThat(s.cdsBytes()).isPositive();
    }

    @Test
    void javaRunsInChrootWithCdsAndAppCds() throws Exception {
        assumeTrue(Chroot.isRoot(), "chroot needs root: run the ITs as root");
        Processes.Result v = Processes.run(Chroot.command(image.rootfs(), List.of(AgentLayout.JAVA, "-Xshare:on", "-version")),
                Duration.ofSeconds(60));
        assertThat(v.exitCode()).as(v.output()).isZero();
        assertThat(v.output()).contains("sharing");
        assertThat(image.manifest().appCds()).as("AppCDS archive made and used; steps: " + events).isTrue();
        List<String> argv = image.layout().argv(AgentLayout.Tuning.STARTUP, List.of("-Xlog:class+load=info"),
                ProbeMain.class.getName(), List.of());
        Processes.Result p = Processes.run(Chroot.command(image.rootfs(), argv), Duration.ofSeconds(60));
        assertThat(p.exitCode()).as(p.output()).isZero();
        assertThat(p.output()).contains("probe ok 17");
        assertThat(AppCdsTrainer.usedArchive(p.output(), ProbeMain.class.getName())).isTrue();
        assertThat(image.manifest().startupMillis()).containsKeys(ImageManifest.JAVA_VERSION_CDS, ImageManifest.JAVA_VERSION_NO_CDS);
    }

    @Test
    void startupWithAndWithoutCds() throws Exception {
        assumeTrue(Chroot.isRoot(), "chroot needs root: run the ITs as root");
        int runs = 5;
        List<String> probe = List.of("-cp", image.layout().classPath(), ProbeMain.class.getName());
        List<Double> versionOn = JvmStartup.measure(image, JvmStartup.Cds.ON, List.of("-version"), runs);
        List<Double> versionOff = JvmStartup.measure(image, JvmStartup.Cds.OFF, List.of("-version"), runs);
        List<Double> probeOn = JvmStartup.measure(image, JvmStartup.Cds.ON, probe, runs);
        List<Double> probeJdk = JvmStartup.measure(image, JvmStartup.Cds.JDK, probe, runs);
        List<Double> probeOff = JvmStartup.measure(image, JvmStartup.Cds.OFF, probe, runs);
        System.out.println("[image] java -version ms, CDS on:  " + fmt(versionOn));
        System.out.println("[image] java -version ms, CDS off: " + fmt(versionOff));
        System.out.println("[image] trivial main ms, CDS+AppCDS on: " + fmt(probeOn));
        System.out.println("[image] trivial main ms, JDK CDS only:  " + fmt(probeJdk));
        System.out.println("[image] trivial main ms, CDS off:       " + fmt(probeOff));
        assertThat(versionOn).hasSize(runs).allMatch(ms -> ms > 0);
        // the fastest run is the least disturbed by other load on a shared machine
        assertThat(java.util.Collections.min(probeOn)).as("CDS makes start-up faster").isLessThan(java.util.Collections.min(probeOff));
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void anInterruptedBuildLeavesNothingBehind() throws Exception {
        ImageInputs other = inputs.toBuilder().hostname("interrupted").build();
        String key = new ImageBuilder(other).key().hash();
        CountDownLatch jlinkStarted = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread builder = new Thread(() -> {
            try {
                new ImageBuilder(other).build(new BuildListener() {
                    @Override
                    public void stepStarted(BuildStep step) {
                        if (step == BuildStep.JLINK) {
                            jlinkStarted.countDown();
                        }
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        builder.start();
        assertThat(jlinkStarted.await(120, TimeUnit.SECONDS)).as("jlink started").isTrue();
        Thread.sleep(500);
        builder.interrupt();
        builder.join(60_000);
        assertThat(builder.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(new ImageCache(cacheRoot).lookup(key)).isEmpty();
        try (var s = Files.list(cacheRoot)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(ImageCache.TMP_PREFIX) || n.equals(key));
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // prunes the first image: runs last (unordered tests default to MAX_VALUE / 2)
    void sameInputsHitTheCacheAndChangedInputsRebuildOnceUnderConcurrency() throws Exception {
        long t0 = System.nanoTime();
        GuestImage again = new ImageBuilder(inputs).build(BuildListener.NONE);
        long hitMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("[image] cache hit in " + hitMillis + " ms");
        assertThat(again.cacheHit()).isTrue();
        assertThat(again.dir()).isEqualTo(image.dir());
        assertThat(hitMillis).isLessThan(5_000);

        ImageInputs changed = inputs.toBuilder().hostname("other").startupProbeRuns(0).build();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<GuestImage> job = () -> new ImageBuilder(changed).build(BuildListener.NONE);
            Future<GuestImage> a = pool.submit(job);
            Future<GuestImage> b = pool.submit(job);
            GuestImage ga = a.get();
            GuestImage gb = b.get();
            assertThat(ga.key()).isNotEqualTo(image.key()).isEqualTo(gb.key());
            assertThat(List.of(ga.cacheHit(), gb.cacheHit())).containsExactlyInAnyOrder(true, false);
            assertThat(Files.readString(ga.rootfs().resolve("etc/hostname"))).isEqualTo("other\n");
        } finally {
            pool.shutdownNow();
        }
        try (var s = Files.list(cacheRoot)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(ImageCache.TMP_PREFIX));
        }
        ImageCache cache = new ImageCache(cacheRoot);
        assertThat(cache.list()).hasSize(2);
        assertThat(cache.prune(1)).containsExactly(image.key());
        assertThat(cache.list()).hasSize(1);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String fmt(List<Double> xs) {
        StringBuilder sb = new StringBuilder();
        for (double x : xs) {
            sb.append(String.format(Locale.ROOT, "%.0f ", x));
        }
        return sb.append(String.format(Locale.ROOT, "(min %.0f, median %.0f)", java.util.Collections.min(xs), median(xs))).toString();
    }
}
