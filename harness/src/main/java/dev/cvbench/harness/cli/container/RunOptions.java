package dev.cvbench.harness.cli.container;

import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.volume.VolumeException;
import dev.cvbench.container.volume.VolumeSpec;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.harness.HarnessException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code cvbench container run}, validated before anything is created, and turned into a
 * {@link ContainerSpec}. The first positional argument is the image when it is {@code cvbench-default}, an
 * existing directory, or written as a directory ({@code ./rootfs}, {@code ../b/}, {@code /srv/rootfs/});
 * otherwise it is the command, run on the default image. A directory with a {@code config.json} is an OCI
 * bundle: its {@code rootfs/} is used.
 */
public final class RunOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+)([bkmg]?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_MODE = Pattern.compile("container:[A-Za-z0-9][A-Za-z0-9_.-]*");

    @Option(names = "--name", paramLabel = "NAME", description = "Container id (default: a generated one).")
    String name;

    @Option(names = "--rm", description = "Remove the container when it exits.")
    boolean rm;

    @Option(names = {"-d", "--detach"}, description = "Run in the background and print the id.")
    boolean detach;

    @Option(names = {"-h", "--hostname"}, paramLabel = "HOST", description = "Host name inside (default: the id).")
    String hostname;

    @Option(names = "--net", paramLabel = "MODE", defaultValue = "bridge",
            description = "none, bridge (cvbench0), host or container:ID (default: ${DEFAULT-VALUE}).")
    String net;

    @Option(names = "--ipc", paramLabel = "MODE", defaultValue = "shareable",
            description = "private, shareable, host or container:ID (default: ${DEFAULT-VALUE}).")
    String ipc;

    @Option(names = {"-v", "--volume"}, paramLabel = "SRC:DIR[:ro]", description = "HOSTDIR:DIR[:ro] (absolute) or VOLUME:DIR[:ro].")
    List<String> volumes = new ArrayList<>();

    @Option(names = "--volumes-from", paramLabel = "ID", description = "Mount every bind and volume of that container.")
    List<String> volumesFrom = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "K=V", description = "Environment variable.")
    List<String> env = new ArrayList<>();

    @Option(names = {"-m", "--memory"}, paramLabel = "SIZE", description = "Memory limit: bytes or 64k, 256m, 1g.")
    String memory;

    @Option(names = "--cpus", paramLabel = "N", description = "CPU time as a number of CPUs (0.5 = half a CPU).")
    Double cpus;

    @Option(names = "--pids-limit", paramLabel = "N", description = "Maximum number of processes.")
    Long pidsLimit;

    @Parameters(paramLabel = "[IMAGE|ROOTFS] CMD", arity = "1..*", description = "Image or rootfs directory, then the command.")
    List<String> positional = new ArrayList<>();

    /** The image argument, if the first positional is one; null means the default image. */
    String image() {
        String first = positional.get(0);
        if (first.equals(InstanceSpec.DEFAULT_IMAGE)) {
            return first;
        }
        boolean looksLikeDir = first.startsWith("./") || first.startsWith("../") || first.endsWith("/") || first.equals(".");
        return looksLikeDir || Files.isDirectory(Path.of(first)) ? first : null;
    }

    List<String> command() {
        return image() == null ? positional : positional.subList(1, positional.size());
    }

    /** Checks everything that needs no root and no runtime; throws BadInput with one line. */
    void validate() throws HarnessException.BadInput {
        if (command().isEmpty()) {
            throw new HarnessException.BadInput("container run: no command given: cvbench container run [IMAGE] CMD...");
        }
        checkMode("--net", net, List.of("none", "bridge", "host"));
        checkMode("--ipc", ipc, List.of("private", "shareable", "host"));
        if (memory != null) {
            memoryBytes();
        }
        if (cpus != null && !(cpus > 0)) {
            throw new HarnessException.BadInput("--cpus " + cpus + ": must be greater than 0 (0.5 = half a CPU)");
        }
        if (pidsLimit != null && pidsLimit <= 0) {
            throw new HarnessException.BadInput("--pids-limit " + pidsLimit + ": must be greater than 0");
        }
        for (String v : volumes) {
            volume(v);
        }
        for (String e : env) {
            if (e.indexOf('=') <= 0) {
                throw new HarnessException.BadInput("-e '" + e + "': use NAME=VALUE");
            }
        }
        String img = image();
        if (img != null && !img.equals(InstanceSpec.DEFAULT_IMAGE) && !Files.isDirectory(Path.of(img))) {
            throw new HarnessException.BadInput("rootfs " + img + " does not exist: give a rootfs directory, an OCI bundle or "
                    + InstanceSpec.DEFAULT_IMAGE);
        }
    }

    /** The rootfs of an image directory: a bundle's rootfs/ or the directory itself. */
    static Path rootfsOf(Path dir) {
        return Files.isRegularFile(dir.resolve("config.json")) && Files.isDirectory(dir.resolve("rootfs")) ? dir.resolve("rootfs") : dir;
    }

    /** The spec on {@code rootfs}; {@link #validate()} must have passed. */
    ContainerSpec toSpec(Path rootfs, String id) throws HarnessException.BadInput {
        ContainerSpec.Builder b = ContainerSpec.builder(rootfs).args(command()).network(net).ipc(ipc)
                .hostname(hostname != null ? hostname : id);
        for (String e : env) {
            int eq = e.indexOf('=');
            b.env(e.substring(0, eq), e.substring(eq + 1));
        }
        if (memory != null) {
            b.memoryLimit(memoryBytes());
        }
        if (cpus != null) {
            b.cpus(cpus);
        }
        if (pidsLimit != null) {
            b.pidsLimit(pidsLimit);
        }
        for (String v : volumes) {
            VolumeSpec s = volume(v);
            if (s instanceof VolumeSpec.Bind bind) {
                b.bind(bind.hostPath(), bind.target(), bind.readOnly());
            } else if (s instanceof VolumeSpec.Named named) {
                b.volume(named.name(), named.target(), named.readOnly());
            }
        }
        volumesFrom.forEach(b::volumesFrom);
        return b.build();
    }

    long memoryBytes() throws HarnessException.BadInput {
        Matcher m = SIZE.matcher(memory.strip());
        if (!m.matches()) {
            throw new HarnessException.BadInput("--memory '" + memory + "': use bytes or a size like 64k, 256m, 1g");
        }
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return n << shift;
        } catch (NumberFormatException e) {
            throw new HarnessException.BadInput("--memory '" + memory + "': out of range");
        }
    }

    private static VolumeSpec volume(String v) throws HarnessException.BadInput {
        try {
            return VolumeSpec.parse(v);
        } catch (VolumeException.InvalidSpec e) {
            throw new HarnessException.BadInput(e.getMessage());
        }
    }

    private static void checkMode(String option, String value, List<String> words) throws HarnessException.BadInput {
        if (!words.contains(value) && !ID_MODE.matcher(value).matches()) {
            throw new HarnessException.BadInput(option + " '" + value + "': use " + String.join(", ", words) + " or container:ID");
        }
    }
}
