package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.Kill;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "kill", description = "Send a signal (default TERM) to the container's init.")
final class KillCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1", paramLabel = "SIGNAL", defaultValue = "TERM")
    String signal;

    @Override
    public Integer call() throws Exception {
        int sig;
        try {
            sig = Signals.parse(signal);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Kill.run(CliContext.open(main.root), id, sig);
        return 0;
    }
}
