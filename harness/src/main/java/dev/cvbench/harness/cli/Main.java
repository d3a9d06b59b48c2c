package dev.cvbench.harness.cli;

import dev.cvbench.harness.HarnessException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code cvbench} command line. Errors are mapped to messages and exit codes here, in one place: a
 * user sees one line with the cause and what to do, never a stack trace for bad input.
 */
@Command(
        name = "cvbench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Benchmarks and validates isolation technologies: host, containers and VMs on one host, in one run.",
        subcommands = {RunCommand.class, ContainerCommand.class, VmCommand.class, DoctorCommand.class, ListCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status (used by tests too). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("cvbench: " + ex.getMessage() + " (see '" + c.getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof HarnessException.BadInput) {
                c.getErr().println("cvbench: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof HarnessException) {
                c.getErr().println("cvbench: " + ex.getMessage());
                return ExitCodes.MISSING_PREREQUISITE;
            }
            if (ex instanceof InterruptedException) {
                c.getErr().println("cvbench: interrupted; everything started was torn down");
                return ExitCodes.INTERRUPTED;
            }
            c.getErr().println("cvbench: internal error (a bug; please report it with this trace):");
            ex.printStackTrace(c.getErr());
            return ExitCodes.INTERNAL;
        });
        return cli.execute(args);
    }

    /** The build's version from the jar manifest, or {@code dev} when running from classes. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cvbench " + version()};
        }
    }
}
