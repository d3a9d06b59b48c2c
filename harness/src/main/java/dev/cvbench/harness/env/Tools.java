package dev.cvbench.harness.env;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs small host commands (version queries, package look-ups) with a time limit. */
public final class Tools {
    private Tools() {}

    /** The first line a command prints, or empty when it is missing, fails or hangs. */
    public static Optional<String> firstLine(List<String> argv) {
        return output(argv).map(s -> s.lines().findFirst().orElse("").trim()).filter(s -> !s.isEmpty());
    }

    /** Everything a command prints (stdout and stderr), or empty when it is missing, fails or hangs. */
    public static Optional<String> output(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The path of an executable on PATH (or the usual sbin directories, which root's PATH may lack). */
    public static Optional<Path> which(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Installed version of a Debian package, or empty. */
    public static Optional<String> debianPackage(String name) {
        return firstLine(List.of("dpkg-query", "-W", "-f=${db:Status-Abbrev}${Version}", name))
                .filter(s -> s.startsWith("ii"))
                .map(s -> s.substring(2).trim());
    }
}
