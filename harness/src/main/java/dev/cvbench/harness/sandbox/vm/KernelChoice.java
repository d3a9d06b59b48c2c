package dev.cvbench.harness.sandbox.vm;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.vm.image.KernelFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which guest kernel a VM boots: a Debian kernel cvbench fetches ({@code cloud}, the default: it boots seconds
 * sooner under emulation; {@code generic}: has 9p and soft-RoCE), or a {@code vmlinuz} file the user points at.
 * Parsed from {@code --kernel} and from the instance option {@code kernel}.
 *
 * <pre>{@code
 * KernelChoice.parse("cloud");              // Debian linux-image-cloud-amd64
 * KernelChoice.parse("/boot/vmlinuz-6.1");  // that file; modules from /lib/modules/6.1 when present
 * }</pre>
 */
public sealed interface KernelChoice {
    /** The option key a suite or workload uses to pick the kernel per instance. */
    String OPTION = "kernel";

    /** A Debian kernel package, fetched with {@code apt-get download} into the cache. */
    record Debian(KernelFetcher.Flavor flavor) implements KernelChoice {
        @Override
        public String label() {
            return flavor.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A kernel image file on the host. */
    record File(Path vmlinuz) implements KernelChoice {
        @Override
        public String label() {
            return vmlinuz.toString();
        }
    }

    /** {@code cloud}, {@code generic}, or the path. */
    String label();

    static KernelChoice cloud() {
        return new Debian(KernelFetcher.Flavor.CLOUD);
    }

    /**
     * Parses {@code cloud}, {@code generic} or a path to an existing, readable kernel image.
     *
     * @throws HarnessException.BadInput naming the value and the accepted forms
     */
    static KernelChoice parse(String text) throws HarnessException.BadInput {
        String t = text == null ? "" : text.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "cloud":
                return new Debian(KernelFetcher.Flavor.CLOUD);
            case "generic":
                return new Debian(KernelFetcher.Flavor.GENERIC);
            default:
                break;
        }
        if (t.isEmpty() || !t.contains("/")) {
            throw new HarnessException.BadInput("kernel '" + t + "' is neither cloud, generic nor a path to a vmlinuz file;"
                    + " use --kernel cloud (default), generic or /path/to/vmlinuz");
        }
        Path p = Path.of(t).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new HarnessException.BadInput("kernel " + p + " does not exist or is not a file; give a vmlinuz path, or cloud / generic");
        }
        if (!Files.isReadable(p)) {
            throw new HarnessException.BadInput("kernel " + p + " is not readable; check its permissions");
        }
        return new File(p);
    }

    /** The choice named by an instance's options, or {@code fallback} when it names none. */
    static KernelChoice fromOptions(java.util.Map<String, String> options, KernelChoice fallback) throws HarnessException.BadInput {
        Optional<String> v = Optional.ofNullable(options.get(OPTION)).filter(s -> !s.isBlank());
        return v.isPresent() ? parse(v.get()) : fallback;
    }
}
