package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks {@link VmSpec.Builder#build()} runs, one small method per concern. */
final class SpecChecks {
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})");
    private static final Pattern MACHINE = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern KERNEL_PARAM = Pattern.compile("[^\\s\"]+(=\"[^\"]*\")?");
    private static final int MAX_VCPUS = 255;

    private SpecChecks() {
    }

    static void check(VmSpec.Builder b) throws VmException.InvalidSpec {
        checkName(b);
        checkHardware(b);
        checkBootFiles(b);
        checkGuestCommand(b);
        checkNetwork(b);
    }

    private static void checkName(VmSpec.Builder b) throws VmException.InvalidSpec {
        if (!VmSpec.Builder.validName(b.name())) {
            throw new VmException.InvalidSpec("name", "'" + b.name()
                    + "' is not a VM name; use 1-40 of a-z 0-9 and '-', starting with a letter or digit");
        }
    }

    private static void checkHardware(VmSpec.Builder b) throws VmException.InvalidSpec {
        if (b.vcpus() < 1 || b.vcpus() > MAX_VCPUS) {
            throw new VmException.InvalidSpec("vcpus", b.vcpus() + " is out of range; use 1.." + MAX_VCPUS);
        }
        if (b.memoryValue().mib() < 32) {
            throw new VmException.InvalidSpec("memory",
                    b.memoryValue() + " is too small to boot Linux; use at least 64M");
        }
        if (!MACHINE.matcher(b.machineValue()).matches()) {
            throw new VmException.InvalidSpec("machine", "'" + b.machineValue() + "' is not a QEMU machine type");
        }
        if (b.initTimeoutValue().isNegative() || b.initTimeoutValue().isZero()) {
            throw new VmException.InvalidSpec("initTimeout", "must be positive");
        }
    }

    private static void checkBootFiles(VmSpec.Builder b) throws VmException.InvalidSpec {
        if (b.kernelPath() == null) {
            throw new VmException.InvalidSpec("kernel", "missing; give a vmlinuz path (KernelFetcher fetches one)");
        }
        if (b.initramfsPath() == null) {
            throw new VmException.InvalidSpec("initramfs",
                    "missing; give an initramfs path (InitramfsWriter builds one from a rootfs)");
        }
        for (String p : b.cmdlineExtrasList()) {
            if (!KERNEL_PARAM.matcher(p).matches() || p.startsWith("cvbench.")) {
                throw new VmException.InvalidSpec("cmdline", "'" + p
                        + "' is not a single kernel parameter (no spaces; cvbench.* is reserved)");
            }
        }
    }

    private static void checkGuestCommand(VmSpec.Builder b) throws VmException.InvalidSpec {
        for (Map.Entry<String, String> e : b.envMap().entrySet()) {
            if (!ENV_KEY.matcher(e.getKey()).matches()) {
                throw new VmException.InvalidSpec("env", "'" + e.getKey() + "' is not an environment variable name");
            }
        }
        String h = b.hostnameValue();
        if (h != null && !HOSTNAME.matcher(h).matches()) {
            throw new VmException.InvalidSpec("hostname", "'" + h + "' is not a host name (a-z, 0-9, '-')");
        }
    }

    private static void checkNetwork(VmSpec.Builder b) throws VmException.InvalidSpec {
        if (b.networkValue() instanceof VmNetwork.Bridge bridge) {
            bridge.validate();
        }
    }
}
