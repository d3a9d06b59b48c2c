package dev.cvbench.vm.spec;

import dev.cvbench.vm.VmException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kernel command line: the guest contract between the host and cvbench's /init.
 *
 * <p>The host passes the command to run as {@code cvbench.argv=<b64>,<b64>,...}: each argv element in standard
 * base64, so any bytes (spaces, quotes, newlines) survive the trip; the elements are comma separated (a comma
 * is not in the base64 alphabet). The environment goes the same way as {@code cvbench.env=<b64(KEY=VALUE)>,...}.
 * Parameters with a dot in their name are never passed to init by the kernel as arguments or environment, so
 * /init reads them from {@code /proc/cmdline}. Example for {@code echo "hi there"}:
 *
 * <pre>console=ttyS0 panic=-1 quiet cvbench.argv=ZWNobw==,aGkgdGhlcmU=</pre>
 *
 * <p>The x86 kernel accepts at most {@value #MAX_LENGTH} bytes (COMMAND_LINE_SIZE 2048, including the
 * terminating NUL); longer lines are silently truncated by the boot protocol, so this class refuses them.
 */
public final class KernelCmdline {
    /** Longest command line the x86 boot protocol passes through untruncated. */
    public static final int MAX_LENGTH = 2047;

    private KernelCmdline() {
    }

    /**
     * The full command line for {@code spec}.
     *
     * @throws VmException.CommandLineTooLong when it exceeds {@link #MAX_LENGTH}
     */
    public static String of(VmSpec spec) throws VmException.CommandLineTooLong {
        List<String> params = new ArrayList<>();
        params.add("console=ttyS0");
        params.add("panic=-1");
        if (spec.quietKernel()) {
            params.add("quiet");
        }
        params.addAll(spec.cmdlineExtras());
        spec.hostname().ifPresent(h -> params.add("cvbench.hostname=" + h));
        if (spec.network() instanceof VmNetwork.Bridge b) {
            b.address().ifPresent(a -> params.add("cvbench.ip=" + a.toCmdlineValue()));
        }
        if (!spec.env().isEmpty()) {
            params.add("cvbench.env=" + encodeEnv(spec.env()));
        }
        if (!spec.argv().isEmpty()) {
            params.add("cvbench.argv=" + encodeList(spec.argv()));
        }
        String line = String.join(" ", params);
        int length = line.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_LENGTH) {
            throw new VmException.CommandLineTooLong(length, MAX_LENGTH);
        }
        return line;
    }

    /** Each element base64-encoded (UTF-8), joined with commas. */
    public static String encodeList(List<String> values) {
        Base64.Encoder enc = Base64.getEncoder();
        return values.stream()
                .map(v -> enc.encodeToString(v.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.joining(","));
    }

    /** Inverse of {@link #encodeList(List)}; used by tests and by tools that read a guest's command line. */
    public static List<String> decodeList(String encoded) {
        Base64.Decoder dec = Base64.getDecoder();
        List<String> out = new ArrayList<>();
        for (String part : encoded.split(",", -1)) {
            out.add(new String(dec.decode(part), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String encodeEnv(Map<String, String> env) {
        List<String> pairs = env.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        return encodeList(pairs);
    }
}
