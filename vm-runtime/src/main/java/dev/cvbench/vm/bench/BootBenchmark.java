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
            Path rootfs = BusyboxRootfs.create(Files.createDirectories(cache).resolve("rootfs-busybox"));
            GuestImage image = GuestImage.prepare(kernel, rootfs, cache.resolve("images"), ModuleResolver.VIRTIO_NET,
                    compression);
            try (VmRuntime rt = VmRuntime.open(null, state)) {
                rt.cleanupStale();
                DomainType type = DomainType.parse(opt.getOrDefault("type", "auto"));
                DomainType resolved = type == DomainType.AUTO ? rt.domainType() : type;
                System.out.printf(Locale.ROOT, "boot benchmark: %d runs each, domain type %s%s, kernel %s, initramfs %s"
                        + " (%s, %d KiB), libvirt %s, QEMU %s%n", runs, resolved.libvirtName(),
                        resolved == DomainType.QEMU ? " (TCG: emulated, not KVM)" : "", kernel.version(),
                        image.initramfs().getFileName(), compression, Files.size(image.initramfs()) / 1024,
                        rt.libvirtVersion(), rt.qemuVersion());
                List<List<PhaseMark>> viaLibvirt = new ArrayList<>();
                List<List<PhaseMark>> direct = new ArrayList<>();
                for (int i = 0; i < warmup; i++) {
                    VmSpec spec = VmSpec.builder().name("warmup-" + i).kernel(image.kernel())
                            .initramfs(image.initramfs()).domainType(resolved).argv(List.of("echo", READY)).build();
                    bootViaLibvirt(rt, spec);
                    DirectQemu.run(spec, resolved, state.resolve("console/direct.sock"), 300);
                }
                for (int i = 0; i < runs; i++) {
                    VmSpec spec = VmSpec.builder().name("bench-" + i).kernel(image.kernel())
                            .initramfs(image.initramfs()).domainType(resolved).argv(List.of("echo", READY)).build();
                    viaLibvirt.add(bootViaLibvirt(rt, spec));
                    direct.add(DirectQemu.run(spec.toBuilder().name("direct-" + i).build(), resolved,
                            state.resolve("console/direct.sock"), 300));
                    System.out.printf(Locale.ROOT, "  run %d: libvirt %.0f ms, direct %.0f ms%n", i + 1,
                            PhaseStats.toReadyMs(viaLibvirt.get(i)), PhaseStats.toReadyMs(direct.get(i)));
                }
                System.out.print(PhaseStats.report(viaLibvirt, direct));
            }
        } catch (VmException e) {
            System.err.println("boot benchmark: " + e.getMessage());
            System.exit(2);
        }
    }

    private static List<PhaseMark> bootViaLibvirt(VmRuntime rt, VmSpec spec) throws Exception {
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
