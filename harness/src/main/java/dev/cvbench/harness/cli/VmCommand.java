package dev.cvbench.harness.cli;

import dev.cvbench.core.sandbox.Command.Exec;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.run.Teardown;
import dev.cvbench.harness.sandbox.vm.GuestCommand;
import dev.cvbench.harness.sandbox.vm.GuestOutput;
import dev.cvbench.harness.sandbox.vm.KernelChoice;
import dev.cvbench.harness.sandbox.vm.VmSandbox;
import dev.cvbench.harness.sandbox.vm.VmSandboxConfig;
import dev.cvbench.vm.VmException;
import dev.cvbench.vm.spec.MemorySize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cvbench vm ...}: boot a VM from the default guest image and run a command in it. */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "Boot VMs from the default guest image through libvirt.",
        subcommands = {VmCommand.Run.class})
final class VmCommand {
    /**
     * {@code cvbench vm run [options] -- CMD...}: a fresh VM, CMD's output streamed live, the boot phases on
     * stderr, CMD's exit status as cvbench's. Input is checked before anything is started.
     */
    @Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Boot a fresh VM from the default guest image, run CMD in it, stream its output, print the boot phases,",
                    "power the VM off and exit with CMD's status. No daemon needed (libvirt's embedded driver)."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--vcpus", paramLabel = "N", description = "Virtual CPUs (default: one per host core).")
        Integer vcpus;

        @Option(names = "--memory", paramLabel = "SIZE", description = "Guest memory, e.g. 512M or 2G (default: 1G).")
        String memory;

        @Option(names = "--kernel", paramLabel = "cloud|generic|PATH", defaultValue = "cloud",
                description = "Guest kernel: Debian cloud (default), generic (9p, rdma_rxe) or a vmlinuz file.")
        String kernel;

        @Option(names = "--net", paramLabel = "none|bridge", defaultValue = "none",
                description = "No NIC (default), or one on the cvbench0 bridge with an address from the shared pool.")
        String net;

        @Option(names = "--libvirt-uri", paramLabel = "URI", description = "libvirt to use, e.g. qemu:///system (default: embedded driver, no daemon).")
        String libvirtUri;

        @Mixin
        DirOptions dirs = new DirOptions();

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Longest the command may run (default: ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--console", description = "Show the whole serial console (kernel and init lines), not only CMD's output.")
        boolean console;

        @Parameters(arity = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
        List<String> command;

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            InstanceSpec spec = spec();
            VmSandboxConfig config = new VmSandboxConfig(dirs.stateDir, dirs.cacheDir, Optional.ofNullable(libvirtUri),
                    KernelChoice.parse(kernel), line -> System.err.println("cvbench: " + line));
            VmSandbox sandbox = VmSandbox.open(config);
            Teardown.register(sandbox);
            try {
                GuestCommand.Result r = GuestCommand.run(sandbox, spec, new GuestOutput(console), line -> {
                    System.out.println(line);
                    System.out.flush();
                });
                System.err.println("boot phases (" + r.domainType() + (r.domainType().equals("qemu") ? ", TCG emulation" : "")
                        + "; ms after launch):");
                r.phaseLines().forEach(System.err::println);
                return r.exitStatus();
            } finally {
                sandbox.close();
                Teardown.deregister(sandbox);
            }
        }

        /** The instance to launch, from the options; every malformed value is a {@link HarnessException.BadInput}. */
        InstanceSpec spec() throws HarnessException.BadInput {
            InstanceSpec.Builder b = InstanceSpec.of(new Exec(command)).timeout(Duration.ofSeconds(timeoutSeconds)).option(KernelChoice.OPTION, kernel);
            if (timeoutSeconds <= 0) {
                throw new HarnessException.BadInput("--timeout must be a positive number of seconds, was " + timeoutSeconds);
            }
            if (vcpus != null) {
                if (vcpus < 1 || vcpus > 255) {
                    throw new HarnessException.BadInput("--vcpus must be between 1 and 255, was " + vcpus);
                }
                b.cpus(vcpus);
            }
            if (memory != null) {
                try {
                    b.memoryBytes(MemorySize.parse(memory).bytes());
                } catch (VmException.InvalidSpec e) {
                    throw new HarnessException.BadInput("--memory: " + e.getMessage().replaceFirst("^memory: ", ""), e);
                }
            }
            switch (net.toLowerCase(Locale.ROOT)) {
                case "none" -> b.network(NetworkMode.none());
                case "bridge" -> b.network(NetworkMode.bridge());
                default -> throw new HarnessException.BadInput("--net must be none or bridge, was '" + net
                        + "' (VMs cannot share the host's or another instance's network)");
            }
            KernelChoice.parse(kernel);
            VmSandboxConfig.checkLibvirtUri(libvirtUri);
            return b.build();
        }
    }
}
