package dev.cvbench.harness.cli;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.doctor.CheckResult;
import dev.cvbench.harness.doctor.Cleaner;
import dev.cvbench.harness.doctor.Doctor;
import dev.cvbench.harness.sandbox.SandboxFactory;
import dev.cvbench.harness.sandbox.vm.GuestKernels;
import dev.cvbench.harness.sandbox.vm.VmPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cvbench doctor}: what this host has and what each sandbox needs, with the one command that fixes
 * each missing item. Exit 0 only when everything the default suite needs is present.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this host for what each sandbox needs; exit 0 only when the default suite can run fully."})
final class DoctorCommand implements Callable<Integer> {
    @Option(names = "--fix", description = "Install missing Debian packages (scripts/setup-host.sh) and fetch the guest kernel.")
    boolean fix;

    @Option(names = "--clean", description = "Remove leftovers of interrupted runs: containers, cgroups, mounts, veths, leases, domains.")
    boolean clean;

    @Mixin
    DirOptions dirs = new DirOptions();

    @Override
    public Integer call() throws HarnessException, InterruptedException {
        if (fix) {
            runSetup();
            System.out.println("fetching the guest kernel (Debian linux-image-cloud-amd64) into " + VmPaths.kernels(dirs.cacheDir) + " ...");
            System.out.println("guest kernel " + GuestKernels.fetchDefault(dirs.cacheDir).version() + " ready");
        }
        if (clean) {
            for (Cleaner c : new SandboxFactory(dirs.stateDir, dirs.cacheDir).cleaners()) {
                List<String> removed = c.clean();
                System.out.println("clean " + c.name() + ": " + (removed.isEmpty() ? "nothing left behind" : String.join("; ", removed)));
            }
        }
        List<CheckResult> rows = new Doctor(dirs.cacheDir).run();
        TextTable t = new TextTable("item", "status", "needed by", "found", "fix");
        for (CheckResult r : rows) {
            t.row(r.item(), r.status(), r.neededBy(), r.detail(), r.fix());
        }
        System.out.print(t.render());
        boolean ok = Doctor.allRequiredOk(rows);
        System.out.println(ok ? "\nall required items present: the default suite can run on host, container and vm"
                : "\nsome required items are missing (status MISSING): run the fix shown, or ./cvbench doctor --fix");
        return ok ? ExitCodes.OK : ExitCodes.MISSING_PREREQUISITE;
    }

    private static void runSetup() throws HarnessException, InterruptedException {
        String home = System.getProperty("cvbench.home");
        Path script = home == null ? null : Path.of(home, "scripts", "setup-host.sh");
        if (script == null || !Files.isExecutable(script)) {
            throw new HarnessException.MissingPrerequisite("--fix needs the cvbench checkout (scripts/setup-host.sh); run it through ./cvbench");
        }
        try {
            int rc = new ProcessBuilder(script.toString()).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new HarnessException.MissingPrerequisite("setup-host.sh failed (exit " + rc + "); see its output above");
            }
        } catch (IOException e) {
            throw new HarnessException.MissingPrerequisite("cannot run " + script + ": " + e.getMessage(), e);
        }
    }
}
