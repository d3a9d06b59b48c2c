package dev.cvbench.vm.bench;

import dev.cvbench.core.sandbox.ConsoleLine;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A developer tool until the harness's {@code cvbench vm run} exists: boots the busybox guest, streams its
 * console, prints the boot phases and exits with the guest command's status. With {@code --clean} it only
 * removes leftovers of earlier runs.
 *
 * <pre>
 * java -cp vm-runtime/target/classes:$(cat vm-runtime/target/cp.txt) dev.cvbench.vm.bench.VmRun \
 *     [--state /tmp/cvbr] [--type auto|kvm|qemu] [--memory 256M] [--clean] -- CMD ARGS...
 * </pre>
 */
public final class VmRun {
    private VmRun() {
    }

    public static void main(String[] args) throws Exception {
        int dashes = Arrays.asList(args).indexOf("--");
        List<String> opts = Arrays.asList(args).subList(0, dashes < 0 ? args.length : dashes);
        List<String> argv = dashes < 0 ? List.of() : Arrays.asList(args).subList(dashes + 1, args.length);
        Path state = Path.of(value(opts, "--state", "/tmp/cvbr"));
        Path cache = Path.of(value(opts, "--cache", "/var/tmp/cvbench-vm-cache"));
        try (VmRuntime rt = VmRuntime.open(null, state)) {
            List<String> removed = rt.cleanupStale();
            removed.forEach(r -> System.err.println("cleanup: " + r));
            if (opts.contains("--clean")) {
                return;
            }
            KernelImage kernel = new KernelFetcher(cache.resolve("kernels")).fetch(KernelFetcher.Flavor.CLOUD);
            Path rootfs = BusyboxRootfs.create(Files.createDirectories(cache).resolve("rootfs-busybox"));
            GuestImage image = GuestImage.prepare(kernel, rootfs, cache.resolve("images"), ModuleResolver.VIRTIO_NET,
                    InitramfsWriter.Compression.NONE);
            VmSpec spec = VmSpec.builder().name("run-" + ProcessHandle.current().pid())
                    .memory(value(opts, "--memory", "256M")).kernel(image.kernel()).initramfs(image.initramfs())
                    .domainType(DomainType.parse(value(opts, "--type", "auto"))).argv(argv).build();
            int status;
            try (Vm vm = rt.boot(spec)) {
                System.err.printf("booted %s (%s)%n", vm.id(), vm.domainType());
                int shown = 0;
                while (!vm.exitCode().isPresent() || shown < vm.lines().size()) {
                    List<ConsoleLine> lines = vm.lines();
                    for (; shown < lines.size(); shown++) {
                        System.out.println(lines.get(shown).text());
                    }
                    Thread.sleep(50);
                }
                status = vm.awaitExit(Duration.ofMinutes(10));
                List<PhaseMark> phases = vm.phases();
                for (PhaseMark p : phases) {
                    System.err.printf(Locale.ROOT, "phase %-16s %9.1f ms%n", p.name(),
                            (p.nanos() - phases.get(0).nanos()) / 1e6);
                }
            }
            System.exit(status);
        } catch (VmException e) {
            System.err.println("vm run: " + e.getMessage());
            System.exit(2);
        }
    }

    private static String value(List<String> opts, String name, String fallback) {
        int i = opts.indexOf(name);
        return i >= 0 && i + 1 < opts.size() ? opts.get(i + 1) : fallback;
    }
}
