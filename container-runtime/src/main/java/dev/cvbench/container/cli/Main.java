package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.InvalidConfigException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cvrun}: an OCI runtime with runc's command-line shape. Exit codes: 0 success, 1 runtime
 * error (one line on stderr), 2 usage error; {@code run} and {@code exec} return the process's status.
 */
@Command(name = "cvrun", mixinStandardHelpOptions = true, version = "cvrun 0.1.0 (OCI runtime-spec 1.0.2)",
        description = "cvbench's OCI container runtime (runc-compatible command line).",
        subcommands = {CreateCommand.class, StartCommand.class, StateCommand.class, KillCommand.class, DeleteCommand.class,
                RunCommand.class, ExecCommand.class, ListCommand.class, SpecCommand.class, LogsCommand.class})
public final class Main {
    static final int RUNTIME_ERROR = 1;
    static final int USAGE_ERROR = 2;

    @Option(names = "--root", description = "state directory (default: ${DEFAULT-VALUE})", defaultValue = "/run/cvbench")
    Path root;

    @Option(names = "--log", description = "also write errors and events to this file")
    Path log;

    @Option(names = "--log-format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
    CliLog.Format logFormat;

    CliLog log() {
        return new CliLog(log, logFormat);
    }

    public static void main(String[] args) {
        Integer fast = FastPath.tryRun(args);
        System.exit(fast != null ? fast : execute(args));
    }

    /** Runs cvrun in-process and returns its exit code (tests use this). */
    public static int execute(String... args) {
        CommandLine cmd = commandLine();
        return cmd.execute(args);
    }

    static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cmd = new CommandLine(main);
        cmd.getSubcommands().get("exec").setStopAtPositional(true);
        cmd.setExecutionExceptionHandler((ex, line, parse) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                line.getErr().println("cvrun: " + pe.getMessage());
                return USAGE_ERROR;
            }
            String msg = ex instanceof ContainerException ? ex.getMessage() : ex.toString();
            line.getErr().println("cvrun: " + msg);
            if (ex instanceof InvalidConfigException ice && ice.errors().size() > 1) {
                ice.errors().stream().skip(1).forEach(e -> line.getErr().println("cvrun:   " + e));
            }
            main.log().error(msg);
            return RUNTIME_ERROR;
        });
        return cmd;
    }
}
