package dev.cvbench.vm.bench;

import dev.cvbench.core.sandbox.PhaseMark;
import dev.cvbench.vm.Vm;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.VmRuntime;
import dev.cvbench.vm.image.BusyboxRootfs;
import dev.cvbench.vm.image.GuestImage;
import dev.cvbench.vm.image.InitramfsWriter;
import dev.cvbench.vm.image.KernelFetcher;
import dev.cvbench.vm.image.KernelImage;
import dev.cvbench.vm.image.ModuleResolver;
import dev.cvbench.vm.spec.DomainType;
import dev.cvbench.vm.spec.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Boot-to-ready through cvbench's VM runtime (libvirt, embedded driver) against {@code qemu-system-x86_64}
 * started directly with equivalent options: same kernel, initramfs, command line and console capture. Runs are
 * interleaved (libvirt, direct, libvirt, ...) so drift in machine load hits both sides alike, after warm-up boots
 * of each (discarded: the first boot in a JVM also pays for class loading and libvirt's capability probe).
 *
 * <p>"Ready" is the first console line {@code CVBENCH {"type":"ready"...}}, which the guest command prints
 * (with the busybox rootfs: {@code echo}; with the default image: the agent).
 *
 * <pre>
 * mvn -q -o -pl vm-runtime -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp vm-runtime/target/classes:$(cat vm-runtime/target/cp.txt) dev.cvbench.vm.bench.BootBenchmark \
 *     [--runs 5] [--warmup 1] [--type auto|kvm|qemu] [--state /tmp/cvbb] [--gzip] [--kernel cloud|generic|PATH]
 * </pre>
 */
public final class BootBenchmark {
    private static final String READY = "CVBENCH {\"type\":\"ready\",\"source\":\"boot-benchmark\"}";

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1"));
        Path state = Path.of(opt.getOrDefault("state", "/tmp/cvbb"));
        Path cache = Path.of(opt.getOrDefault("cache", "/var/tmp/cvbench-vm-cache"));
        InitramfsWriter.Compression compression = opt.containsKey("gzip") ? InitramfsWriter.Compression.GZIP
                : InitramfsWriter.Compression.NONE;
        try {
            KernelImage kernel = kernel(opt.getOrDefault("kernel", "cloud"), cache);
            GuestImage image = busyboxImage(kernel, cache, compression);
            try (VmRuntime rt = VmRuntime.open(null, state)) {
                rt.cleanupStale();
                DomainType type = DomainType.parse(opt.getOrDefault("type", "auto"));
                DomainType resolved = type == DomainType.AUTO ? rt.domainType() : type;
                System.out.printf(Locale.ROOT, "boot benchmark: %d runs each, domain type %s%s, kernel %s, initramfs %s"
                        + " (%s, %d KiB), libvirt %s, QEMU %s%n", runs, resolved.libvirtName(),
                        resolved == DomainType.QEMU ? " (TCG: emulated, not KVM)" : "", kernel.version(),
                        image.initramfs().getFileName(), compression, Files.size(image.initramfs()) / 1024,
                        rt.libvirtVersion(), rt.qemuVersion());
                Result r = compare(rt, image, resolved, runs, warmup, state.resolve("console/direct.sock"),
                        line -> System.out.println("  " + line));
                System.out.print(report(r));
            }
        } catch (VmException e) {
            System.err.println("boot benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * What one comparison measured: the phases of every measured boot, per way, in boot order.
     *
     * @param type    the domain type both ways ran with ({@code qemu} is TCG, emulated)
     * @param libvirt boots through cvbench's VM runtime
     * @param direct  boots of {@code qemu-system-x86_64} started directly
     */
    public record Result(DomainType type, List<List<PhaseMark>> libvirt, List<List<PhaseMark>> direct) {
        public Result {
            libvirt = List.copyOf(libvirt);
            direct = List.copyOf(direct);
        }

        /** p50 boot-to-ready through libvirt over p50 directly (NaN when a side never got ready). */
        public double p50Ratio() {
            return PhaseStats.percentile(libvirt.stream().map(PhaseStats::toReadyMs).toList(), 50)
                    / PhaseStats.percentile(direct.stream().map(PhaseStats::toReadyMs).toList(), 50);
        }
    }

    /**
     * The busybox guest for {@code kernel}: a static-busybox rootfs under {@code cache/rootfs-busybox} packed with the
     * kernel's virtio-net modules into an initramfs under {@code cache/images} (both made once, then reused).
     */
    public static GuestImage busyboxImage(KernelImage kernel, Path cache, InitramfsWriter.Compression compression)
            throws VmException {
        try {
            Path rootfs = BusyboxRootfs.create(Files.createDirectories(cache).resolve("rootfs-busybox"));
            return GuestImage.prepare(kernel, rootfs, cache.resolve("images"), ModuleResolver.VIRTIO_NET, compression);
        } catch (java.io.IOException e) {
            throw new VmException.ImageBuildFailed(cache, "cannot create " + cache + ": " + e.getMessage(), e);
        }
    }

    /**
     * Boots {@code image} {@code warmup} times each way (discarded), then {@code runs} times each way interleaved
     * (libvirt, direct, libvirt, ...), with the guest command {@code echo <ready line>}; reports one line per
     * measured pair to {@code progress}.
     *
     * @param consoleSocket where the direct QEMU's serial console connects (a short path: UNIX sockets allow 107 bytes)
     * @throws VmException when a boot fails or times out (5 minutes each)
     */
    public static Result compare(VmRuntime rt, GuestImage image, DomainType type, int runs, int warmup, Path consoleSocket,
            Consumer<String> progress) throws VmException, java.io.IOException, InterruptedException {
        if (runs < 1 || warmup < 0 || type == DomainType.AUTO) {
            throw new IllegalArgumentException("runs >= 1, warmup >= 0 and a resolved domain type are required");
        }
        List<List<PhaseMark>> viaLibvirt = new ArrayList<>();
        List<List<PhaseMark>> direct = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            VmSpec spec = spec("warmup-" + i, image, type);
            bootViaLibvirt(rt, spec);
            DirectQemu.run(spec, type, consoleSocket, 300);
        }
        for (int i = 0; i < runs; i++) {
            VmSpec spec = spec("bench-" + i, image, type);
            viaLibvirt.add(bootViaLibvirt(rt, spec));
            direct.add(DirectQemu.run(spec.toBuilder().name("direct-" + i).build(), type, consoleSocket, 300));
            progress.accept(String.format(Locale.ROOT, "run %d/%d: libvirt %.0f ms, direct %.0f ms", i + 1, runs,
                    PhaseStats.toReadyMs(viaLibvirt.get(i)), PhaseStats.toReadyMs(direct.get(i))));
        }
        return new Result(type, viaLibvirt, direct);
    }

    /** The p50/p90 table, the ratio against the 10% target and the per-phase medians, as printed. */
    public static String report(Result r) {
        return PhaseStats.report(r.libvirt(), r.direct());
    }

    private static VmSpec spec(String name, GuestImage image, DomainType type) throws VmException {
        return VmSpec.builder().name(name).kernel(image.kernel()).initramfs(image.initramfs()).domainType(type)
                .argv(List.of("echo", READY)).build();
    }

    private static List<PhaseMark> bootViaLibvirt(VmRuntime rt, VmSpec spec) throws VmException, InterruptedException {
        try (Vm vm = rt.boot(spec)) {
            vm.awaitExit(Duration.ofMinutes(5));
            return vm.phases();
        }
    }

    private static KernelImage kernel(String which, Path cache) throws VmException {
        if (which.equals("cloud") || which.equals("generic")) {
            return new KernelFetcher(cache.resolve("kernels")).fetch(KernelFetcher.Flavor.parse(which));
        }
        return KernelImage.fromPath(Path.of(which), Optional.empty());
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            m.put(key, flag ? "true" : args[++i]);
        }
        return m;
    }
}
