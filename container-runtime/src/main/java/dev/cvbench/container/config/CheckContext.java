package dev.cvbench.container.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What validation needs to know besides the spec: the bundle directory (relative paths resolve
 * against it) and the host's online CPU count (a cpuset naming CPU 7 on a 2-CPU host cannot be met).
 */
public record CheckContext(Path bundle, int onlineCpus) {

    public static CheckContext forHost(Path bundle) {
        return new CheckContext(bundle.toAbsolutePath().normalize(), hostOnlineCpus());
    }

    static int hostOnlineCpus() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).trim();
            return CpuList.parse(online).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        } catch (IOException | IllegalArgumentException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    Path resolve(String path) {
        return bundle.resolve(path).normalize();
    }
}
