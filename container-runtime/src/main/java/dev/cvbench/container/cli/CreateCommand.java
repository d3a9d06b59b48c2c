package dev.cvbench.container.cli;

import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.lifecycle.RuntimeContext;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code create}: sets the container up without running its process; output goes to
 * {@code <root>/<id>/container.log} (see {@code logs}). {@code --console-socket} is accepted for
 * runc compatibility but terminals are not supported (process.terminal=true is refused).
 */
@Command(name = "create", description = "Create a container (the process waits for `start`).")
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"--bundle", "-b"}, description = "bundle directory (default: current directory)", defaultValue = ".")
    Path bundle;

    @Option(names = "--pid-file", description = "write the container's host pid here")
    Path pidFile;

    @Option(names = "--console-socket", description = "accepted for runc compatibility; terminals are not supported")
    Path consoleSocket;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        RuntimeContext ctx = CliContext.open(main.root);
        var cfg = Commands.loadBundle(bundle);
        Path log = ctx.store().dir(id).resolve(Create.LOG_FILE);
        Create.Result r = Create.run(ctx, new Create.Request(id, Optional.of(bundle.toAbsolutePath().normalize()), cfg,
                Optional.empty(), new StdioSetup.LogFile(log), false));
        Commands.writePidFile(pidFile, r.pid());
        main.log().info("created " + id + " pid " + r.pid());
        return 0;
    }
}
