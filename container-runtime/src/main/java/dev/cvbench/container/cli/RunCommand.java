package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.Cleanup;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.lifecycle.RuntimeContext;
import dev.cvbench.container.lifecycle.Start;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code run}: create + start. In the foreground the container's stdio is cvrun's, cvrun exits
 * with the container's status and deletes it afterwards (also on Ctrl-C). {@code --detach}
 * leaves it running with output in {@code <root>/<id>/container.log}.
 */
@Command(name = "run", description = "Create and start a container.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"--bundle", "-b"}, defaultValue = ".", description = "bundle directory (default: current directory)")
    Path bundle;

    @Option(names = {"--detach", "-d"})
    boolean detach;

    @Option(names = "--pid-file")
    Path pidFile;

    @Option(names = "--console-socket", description = "accepted for runc compatibility; terminals are not supported")
    Path consoleSocket;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        RuntimeContext ctx = CliContext.open(main.root);
        var cfg = Commands.loadBundle(bundle);
        StdioSetup stdio = detach ? new StdioSetup.LogFile(ctx.store().dir(id).resolve(Create.LOG_FILE)) : new StdioSetup.Inherit();
        Create.Result r = Create.run(ctx, new Create.Request(id, Optional.of(bundle.toAbsolutePath().normalize()), cfg,
                Optional.empty(), stdio, !detach));
        Thread cleanup = new Thread(() -> removeQuietly(ctx, r));
        if (!detach) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
        try {
            Commands.writePidFile(pidFile, r.pid());
            Start.run(ctx, id);
        } catch (ContainerException e) {
            if (detach) {
                removeQuietly(ctx, r);
            }
            throw e;
        }
        if (detach) {
            return 0;
        }
        int status = r.session().process().waitFor();
        r.session().close();
        Runtime.getRuntime().removeShutdownHook(cleanup);
        Cleanup.remove(ctx, ctx.store().readRecord(id));
        return status;
    }

    private static void removeQuietly(RuntimeContext ctx, Create.Result r) {
        try {
            r.session().close();
            Cleanup.remove(ctx, ctx.store().readRecord(r.id()));
        } catch (ContainerException e) {
            System.err.println("cvrun: cleanup of " + r.id() + ": " + e.getMessage());
        }
    }
}
