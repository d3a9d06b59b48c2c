package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.init.InitConfigEncoder;
import dev.cvbench.container.init.InitOptions;
import dev.cvbench.container.lifecycle.WriteSpec;
import dev.cvbench.container.state.OciState;
import dev.cvbench.container.state.RuntimeRecord;
import dev.cvbench.container.state.StateStore;
import dev.cvbench.container.sys.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ./cvrun} runs once after a build under {@code -XX:ArchiveClassesAtExit}: the Java side of
 * {@code create}/{@code run}/{@code state}/{@code delete} without root or a container (write and convert a
 * default config.json, encode the init config, write and read the state JSON, parse every subcommand's
 * options, load the syscall binding), so that the AppCDS archive holds the classes those commands need
 * (Jackson, picocli, the runtime) and not only those of the first command a user happened to type.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) throws ContainerException, IOException {
        Path dir = Files.createTempDirectory("cvrun-cds");
        try {
            Files.createDirectories(dir.resolve("rootfs/bin"));
            WriteSpec.run(dir);
            ContainerConfig cfg = Commands.loadBundle(dir);
            InitConfigEncoder.encode(cfg, new InitOptions(false, Optional.of(dir.resolve("exec.fifo")), Optional.of(dir.resolve("exit")), true),
                    CgroupLayout.forHost());
            StateStore store = new StateStore(dir.resolve("state"));
            store.createDir("train");
            RuntimeRecord r = new RuntimeRecord("train", dir.toString(), 1, 1, 1, 1, "/cvbench/train", false, false, "now",
                    List.of("true"), Map.of());
            store.writeRecord(r);
            store.writeState(new OciState(OciState.OCI_VERSION, "train", "created", 1L, dir.toString(), Map.of()));
            store.readRecord("train");
            store.ids();
            for (String[] a : List.of(new String[] {"run", "--bundle", ".", "x"}, new String[] {"create", "--bundle", ".", "x"},
                    new String[] {"start", "x"}, new String[] {"state", "x"}, new String[] {"delete", "--force", "x"},
                    new String[] {"kill", "x", "KILL"}, new String[] {"exec", "x", "true"})) {
                Main.commandLine().parseArgs(a);
            }
            Syscalls.linux().geteuid();
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
