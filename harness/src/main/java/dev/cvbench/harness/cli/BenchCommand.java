package dev.cvbench.harness.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.bench.StartBenchmark;
import dev.cvbench.core.sandbox.Availability;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.bench.TriadBenchmark;
import dev.cvbench.harness.bench.VmBootBenchmark;
import dev.cvbench.harness.run.Teardown;
import dev.cvbench.harness.sandbox.vm.GuestKernels;
import dev.cvbench.harness.sandbox.vm.KernelChoice;
import dev.cvbench.harness.sandbox.vm.VmSandbox;
import dev.cvbench.harness.sandbox.vm.VmPaths;
import dev.cvbench.harness.sandbox.vm.VmSandboxConfig;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.VmRuntime;
import dev.cvbench.vm.bench.BootBenchmark;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.image.InitramfsWriter;
import dev.cvbench.vm.image.KernelImage;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.workload.memory.CacheInfo;
import dev.cvbench.workload.memory.MemoryBandwidthWorkload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cvbench bench ...}: benchmarks of cvbench itself against reference implementations. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks that compare cvbench's own code with references, side by side.",
        subcommands = {BenchCommand.Triad.class, BenchCommand.VmBoot.class, BenchCommand.ContainerStart.class, BenchCommand.VmLibvirt.class})
final class BenchCommand {
    /** Removes a benchmark's scratch directory; a failure is reported, not thrown, so it never hides the result. */
    static void deleteQuietly(Path work) {
        if (work != null) {
            try {
                StartBenchmark.deleteTree(work);
            } catch (IOException | java.io.UncheckedIOException e) {
                System.err.println("cvbench: could not remove " + work + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "triad", mixinStandardHelpOptions = true,
            description = "Java STREAM triad vs a C triad (gcc -O3 -march=native -fopenmp): same sizes, same threads, one run.")
    static final class Triad implements Callable<Integer> {
        @Option(names = "--array-mb", defaultValue = "auto", description = "MB per array (default: 4x the last-level cache).")
        String arrayMb;

        @Option(names = "--threads", defaultValue = "0", description = "Threads (default: one per CPU).")
        int threads;

        @Option(names = "--iterations", defaultValue = "10", description = "Measured iterations per round.")
        int iterations;

        @Option(names = "--rounds", defaultValue = "3", description = "Alternating Java/C rounds.")
        int rounds;

        @Override
        public Integer call() throws HarnessException, InterruptedException, java.io.IOException {
            int mb;
            try {
                mb = MemoryBandwidthWorkload.arrayMb(arrayMb, CacheInfo.lastLevelCacheBytes());
            } catch (IllegalArgumentException e) {
                throw new HarnessException.BadInput("--array-mb: " + e.getMessage());
            }
            int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
            Path work = Files.createTempDirectory("cvbench-triad");
            try {
                TriadBenchmark.Result r = new TriadBenchmark(mb, t, iterations, rounds).run(work);
                System.out.print(TriadBenchmark.format(r));
            } finally {
                deleteQuietly(work);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "vm-boot", mixinStandardHelpOptions = true,
            description = {"JVM start inside a VM with and without the CDS archive: boots the default guest image N times each,",
                    "running java -Xshare:auto -version and java -Xshare:off -version; prints p50/p90 and the phase breakdown.",
                    "(libvirt vs direct QEMU: bench vm-libvirt.)"})
    static final class VmBoot implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Measured boots per variant (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", defaultValue = "1", description = "Discarded boots per variant first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Mixin
        DirOptions dirs = new DirOptions();

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            if (runs < 1 || warmup < 0) {
                throw new HarnessException.BadInput("--runs must be at least 1 and --warmup at least 0");
            }
            VmSandboxConfig config = new VmSandboxConfig(dirs.stateDir, dirs.cacheDir, Optional.empty(), KernelChoice.cloud(),
                    line -> System.err.println("cvbench: " + line));
            VmSandbox sandbox = VmSandbox.open(config);
            Teardown.register(sandbox);
            try {
                Map<String, String> f = sandbox.facts();
                System.out.printf(Locale.ROOT, "vm-boot benchmark: %d runs per variant (+%d warm-up), domain type %s%s, kernel %s, libvirt %s, QEMU %s%n",
                        runs, warmup, f.get("domain_type"), "true".equals(f.get("emulated")) ? " (TCG: emulated, not KVM)" : "",
                        f.get("kernel_version"), f.get("libvirt"), f.get("qemu"));
                List<VmBootBenchmark.Boot> boots = new VmBootBenchmark(sandbox, runs, warmup).run(line -> System.out.println("  " + line));
                System.out.print(VmBootBenchmark.report(boots));
            } finally {
                sandbox.close();
                Teardown.deregister(sandbox);
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "container-start", mixinStandardHelpOptions = true,
            description = {"Container start: cvbench's runtime as a library, ./cvrun run, runc run and crun run, each starting /bin/true",
                    "in a busybox bundle N times (create, start, exit, delete); prints p50/p90 and each p50 over runc's.",
                    "A runtime that cannot run here is skipped with the reason."})
    static final class ContainerStart implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "20", description = "Measured starts per runtime (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            if (runs < 1) {
                throw new HarnessException.BadInput("--runs must be at least 1");
            }
            StartBenchmark.Cvrun cvrun = cvrunLauncher(System.getProperty("cvbench.home"));
            Path work = null;
            try {
                work = Files.createTempDirectory("cvbench-startbench");
                System.out.print(StartBenchmark.format(StartBenchmark.run(runs, work, cvrun)));
            } catch (ContainerException e) {
                throw new HarnessException.MissingPrerequisite("cvbench's container runtime cannot start containers here: " + e.getMessage()
                        + "; see ./cvbench doctor", e);
            } catch (IOException e) {
                throw new HarnessException("container start benchmark failed: " + e.getMessage(), e);
            } finally {
                deleteQuietly(work);
            }
            return ExitCodes.OK;
        }

        /** The {@code ./cvrun} next to {@code ./cvbench} (the launcher sets {@code cvbench.home}), or why it is not measured. */
        static StartBenchmark.Cvrun cvrunLauncher(String home) {
            return home == null ? StartBenchmark.Cvrun.skipped("cvbench.home is not set (run through ./cvbench to measure ./cvrun)")
                    : StartBenchmark.Cvrun.at(Path.of(home, "cvrun"));
        }
    }

    @Command(name = "vm-libvirt", mixinStandardHelpOptions = true,
            description = {"VM boot to ready: cvbench's VM runtime (libvirt, embedded driver) vs qemu-system-x86_64 started directly",
                    "with the same options, kernel (the default cloud kernel) and busybox initramfs; interleaved runs after warm-up;",
                    "prints p50/p90, the ratio and the phase breakdown, and whether the domain type is KVM or TCG (emulated)."})
    static final class VmLibvirt implements Callable<Integer> {
        @Option(names = "--runs", defaultValue = "5", description = "Measured boots per way (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--warmup", defaultValue = "1", description = "Discarded boots per way first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Mixin
        DirOptions dirs = new DirOptions();

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            if (runs < 1 || warmup < 0) {
                throw new HarnessException.BadInput("--runs must be at least 1 and --warmup at least 0");
            }
            VmSandboxConfig config = new VmSandboxConfig(dirs.stateDir, dirs.cacheDir, Optional.empty(), KernelChoice.cloud(), line -> {});
            Availability a = VmSandbox.availability(config);
            if (!a.available()) {
                throw new HarnessException.MissingPrerequisite("VMs cannot run here: " + a.reason() + (a.fix().isEmpty() ? "" : "; fix: " + a.fix()));
            }
            KernelImage kernel = GuestKernels.fetchDefault(dirs.cacheDir);
            Path state = VmPaths.state(dirs.stateDir);
            try {
                GuestImage image = BootBenchmark.busyboxImage(kernel, VmPaths.bench(dirs.cacheDir), InitramfsWriter.Compression.NONE);
                Files.createDirectories(state.resolve("console"));
                try (VmRuntime rt = VmRuntime.open(null, state)) {
                    Teardown.register(rt);
                    try {
                        rt.cleanupStale().forEach(r -> System.err.println("cvbench: vm: cleanup: " + r));
                        DomainType type = rt.domainType();
                        System.out.println(vmLibvirtHeader(runs, warmup, type, kernel.version(), rt.libvirtVersion(), rt.qemuVersion()));
                        BootBenchmark.Result r = BootBenchmark.compare(rt, image, type, runs, warmup, state.resolve("console/direct.sock"),
                                line -> System.out.println("  " + line));
                        System.out.print(BootBenchmark.report(r));
                    } finally {
                        Teardown.deregister(rt);
                    }
                }
            } catch (VmException e) {
                throw new HarnessException.MissingPrerequisite("VM boot benchmark: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new HarnessException("VM boot benchmark failed: " + e.getMessage(), e);
            }
            return ExitCodes.OK;
        }
    }

    /** The first line of {@code bench vm-libvirt}: what was compared, and whether the numbers are KVM or emulated (TCG). */
    static String vmLibvirtHeader(int runs, int warmup, DomainType type, String kernel, String libvirt, String qemu) {
        String accel = type == DomainType.KVM ? "KVM (hardware virtualization)" : "TCG (emulated, not KVM: slower than KVM, compare ratios only)";
        return String.format(Locale.ROOT, "vm-libvirt benchmark: boot to ready, libvirt vs direct QEMU, %d runs per way (+%d warm-up), domain type %s: %s;"
                + " kernel %s, busybox initramfs, libvirt %s, QEMU %s", runs, warmup, type.libvirtName(), accel, kernel, libvirt, qemu);
    }
}
