package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.WriteSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "spec", description = "Write a default config.json (runs `sh` in ./rootfs) like `runc spec`.")
final class SpecCommand implements Callable<Integer> {
    @Option(names = {"--bundle", "-b"}, defaultValue = ".", description = "bundle directory (default: current directory)")
    Path bundle;

    @Override
    public Integer call() throws Exception {
        WriteSpec.run(bundle);
        return 0;
    }
}
