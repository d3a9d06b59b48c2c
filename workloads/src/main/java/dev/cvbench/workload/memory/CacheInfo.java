package dev.cvbench.workload.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The host's last-level cache, read from {@code /sys/devices/system/cpu/cpu*}{@code /cache}: the total over
 * every distinct highest-level cache (one L3 per CCX or socket), which is what STREAM's sizing rule means by
 * "the sum of the last-level caches".
 */
public final class CacheInfo {
    private CacheInfo() {}

    /** Total last-level cache in bytes, or -1 when the kernel does not say. */
    public static long lastLevelCacheBytes(Path cpuRoot) {
        Map<String, Long> byShare = new HashMap<>();
        int[] bestLevel = {0};
        try (Stream<Path> cpus = Files.list(cpuRoot)) {
            cpus.filter(p -> p.getFileName().toString().matches("cpu\\d+")).forEach(cpu -> {
                try (Stream<Path> idx = Files.list(cpu.resolve("cache"))) {
                    idx.filter(p -> p.getFileName().toString().startsWith("index")).forEach(index -> {
                        int level = Integer.parseInt(read(index.resolve("level"), "0"));
                        String type = read(index.resolve("type"), "");
                        if (type.equals("Instruction")) {
                            return;
                        }
                        long size = parseSize(read(index.resolve("size"), "0"));
                        String share = level + ":" + read(index.resolve("shared_cpu_list"), cpu.getFileName().toString());
                        if (level > bestLevel[0]) {
                            bestLevel[0] = level;
                            byShare.clear();
                        }
                        if (level == bestLevel[0]) {
                            byShare.put(share, size);
                        }
                    });
                } catch (IOException e) {
                    // this cpu has no cache information (common in VMs): skip it
                }
            });
        } catch (IOException e) {
            return -1;
        }
        long total = byShare.values().stream().mapToLong(Long::longValue).sum();
        return total > 0 ? total : -1;
    }

    public static long lastLevelCacheBytes() {
        return lastLevelCacheBytes(Path.of("/sys/devices/system/cpu"));
    }

    /** Parses the kernel's cache size notation ({@code 32768K}, {@code 1M}). */
    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return 0;
        }
        long mult = switch (t.charAt(t.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = Character.isDigit(t.charAt(t.length() - 1)) ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * mult;
    }

    private static String read(Path p, String fallback) {
        try {
            return Files.readString(p).trim();
        } catch (IOException e) {
            return fallback;
        }
    }
}
