package dev.cvbench.harness.doctor;

import dev.cvbench.harness.env.CgroupLayout;
import dev.cvbench.harness.env.Kvm;
import dev.cvbench.harness.env.Tools;
import dev.cvbench.harness.sandbox.vm.GuestKernels;
import dev.cvbench.harness.sandbox.vm.VmPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What this host has and what each sandbox needs. Every check is a small method returning one row; a row
 * that is not ok carries the one command that fixes it.
 */
public final class Doctor {
    private final Path cacheDir;

    public Doctor(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    public List<CheckResult> run() {
        List<CheckResult> rows = new ArrayList<>();
        rows.add(root());
        rows.add(namespaces());
        rows.add(cgroups());
        rows.add(kvm());
        rows.add(pkg("qemu-system-x86", "vm", true, "qemu-system-x86_64 for VMs"));
        rows.add(libvirt());
        rows.add(pkg("busybox-static", "container, vm", true, "the guest image's userland"));
        rows.add(jlink());
        rows.add(guestKernel());
        rows.add(cni());
        rows.add(tool("gcc", "container (init helper), bench triad", true, "gcc"));
        rows.add(tool("ip", "container, vm (bridge)", true, "iproute2"));
        rows.add(rdma());
        rows.add(tool("runc", "container start benchmark (reference)", false, "runc"));
        rows.add(tool("crun", "container start benchmark (reference)", false, "crun"));
        return rows;
    }

    /** True when every required item is present. */
    public static boolean allRequiredOk(List<CheckResult> rows) {
        return rows.stream().allMatch(r -> r.ok() || !r.required());
    }

    /** What the container sandbox needs (root, namespaces, cgroups, the image's inputs), for its availability. */
    public static List<CheckResult> containerPrerequisites() {
        return List.of(root(), namespaces(), cgroups(), pkg("busybox-static", "container, vm", true, "the guest image's userland"),
                jlink());
    }

    static CheckResult root() {
        String user = System.getProperty("user.name");
        boolean root = "root".equals(user) || uid() == 0;
        return root ? CheckResult.ok("root", "container, vm", true, "running as root")
                : CheckResult.missing("root", "container, vm", true, "running as " + user + ": namespaces, cgroups and bridges need root",
                        "sudo ./cvbench ...");
    }

    private static long uid() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Uid:"))
                    .map(l -> Long.parseLong(l.split("\\s+")[1])).findFirst().orElse(-1L);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static CheckResult namespaces() {
        List<String> missing = new ArrayList<>();
        for (String ns : List.of("pid", "mnt", "uts", "ipc", "net", "cgroup")) {
            if (!Files.exists(Path.of("/proc/self/ns", ns))) {
                missing.add(ns);
            }
        }
        return missing.isEmpty() ? CheckResult.ok("namespaces", "container", true, "pid, mnt, uts, ipc, net, cgroup")
                : CheckResult.missing("namespaces", "container", true, "kernel lacks: " + String.join(", ", missing),
                        "use a kernel built with CONFIG_NAMESPACES and the missing namespace options");
    }

    static CheckResult cgroups() {
        CgroupLayout l = CgroupLayout.detect();
        boolean v1ok = l.v1Controllers().containsAll(List.of("memory", "cpu", "pids"));
        boolean v2ok = l.v2Controllers().containsAll(List.of("memory", "cpu", "pids"));
        return v1ok || v2ok ? CheckResult.ok("cgroups", "container", true, l.describe())
                : CheckResult.missing("cgroups", "container", true, l.describe() + ": memory, cpu and pids controllers needed",
                        "mount the cgroup controllers (v1: mount -t cgroup -o memory cgroup /sys/fs/cgroup/memory, ...; or boot with cgroup v2)");
    }

    static CheckResult kvm() {
        boolean usable = Kvm.usable();
        String detail = Kvm.describe(Files.exists(Path.of("/dev/kvm")), Kvm.deviceOpens(), usable);
        if (usable) {
            return CheckResult.ok("/dev/kvm", "vm (hardware virtualisation)", false, detail);
        }
        return CheckResult.missing("/dev/kvm", "vm (hardware virtualisation)", false, detail,
                "enable VT-x/AMD-V (or nested virtualisation) and load kvm_intel/kvm_amd");
    }

    static CheckResult pkg(String name, String neededBy, boolean required, String what) {
        Optional<String> v = Tools.debianPackage(name);
        return v.isPresent() ? CheckResult.ok(name, neededBy, required, v.get())
                : CheckResult.missing(name, neededBy, required, "not installed (" + what + ")", "apt-get install -y " + name);
    }

    static CheckResult libvirt() {
        Path driver = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so");
        Optional<String> v = Tools.debianPackage("libvirt0");
        if (v.isPresent() && Files.exists(driver)) {
            return CheckResult.ok("libvirt", "vm", true, v.get() + " with the QEMU driver (embedded mode, no daemon needed)");
        }
        return CheckResult.missing("libvirt", "vm", true, v.isPresent() ? "QEMU driver missing" : "not installed",
                "apt-get install -y libvirt0 libvirt-daemon-driver-qemu");
    }

    static CheckResult jlink() {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        return Files.isExecutable(jlink) && Files.isDirectory(jmods)
                ? CheckResult.ok("jlink + jmods", "container, vm (guest JRE)", true, jlink.toString())
                : CheckResult.missing("jlink + jmods", "container, vm (guest JRE)", true, "the JDK cannot link a JRE",
                        "apt-get install -y openjdk-17-jdk-headless");
    }

    CheckResult guestKernel() {
        Path kernels = VmPaths.kernels(cacheDir);
        List<String> found = GuestKernels.cached(kernels);
        return !found.isEmpty() ? CheckResult.ok("guest kernel", "vm", true, String.join(", ", found) + " under " + kernels)
                : CheckResult.missing("guest kernel", "vm", true, "not fetched yet into " + kernels
                        + " (Debian linux-image-cloud-amd64 via apt-get download)", "./cvbench doctor --fix");
    }

    static CheckResult cni() {
        List<String> missing = new ArrayList<>();
        for (String p : List.of("bridge", "host-local", "loopback")) {
            if (!Files.isExecutable(Path.of("/usr/lib/cni", p))) {
                missing.add(p);
            }
        }
        return missing.isEmpty() ? CheckResult.ok("CNI plugins", "container, vm (bridge)", true, "/usr/lib/cni: bridge, host-local, loopback")
                : CheckResult.missing("CNI plugins", "container, vm (bridge)", true, "missing: " + String.join(", ", missing),
                        "apt-get install -y containernetworking-plugins");
    }

    static CheckResult tool(String exe, String neededBy, boolean required, String pkg) {
        Optional<Path> p = Tools.which(exe);
        return p.isPresent() ? CheckResult.ok(exe, neededBy, required, p.get().toString())
                : CheckResult.missing(exe, neededBy, required, "not on PATH", "apt-get install -y " + pkg);
    }

    static CheckResult rdma() {
        Path ib = Path.of("/sys/class/infiniband");
        String[] devs = ib.toFile().list();
        if (devs != null && devs.length > 0) {
            return CheckResult.ok("RDMA devices", "rdma workloads", false, String.join(", ", devs));
        }
        return CheckResult.missing("RDMA devices", "rdma workloads", false,
                "none on the host; soft-RoCE (rdma_rxe) works inside a VM with the generic guest kernel",
                "modprobe rdma_rxe && rdma link add rxe0 type rxe netdev <if>");
    }
}
