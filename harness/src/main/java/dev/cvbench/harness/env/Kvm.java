package dev.cvbench.harness.env;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether hardware virtualisation is usable: {@code /dev/kvm} exists and opens read-write. */
public final class Kvm {
    private Kvm() {}

    public static boolean usable() {
        Path dev = Path.of("/dev/kvm");
        if (!Files.exists(dev)) {
            return false;
        }
        try (RandomAccessFile f = new RandomAccessFile(dev.toFile(), "rw")) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
