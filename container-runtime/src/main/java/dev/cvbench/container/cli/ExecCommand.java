package dev.cvbench.container.cli;

import dev.cvbench.container.init.InitSession;
import dev.cvbench.container.init.StdioSetup;
import dev.cvbench.container.lifecycle.Exec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code exec ID CMD...}: runs CMD in the running container's namespaces and cgroup; exits with its status. */
@Command(name = "exec", description = "Run a command inside a running container.")
final class ExecCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Parameters(index = "1..*", paramLabel = "CMD", arity = "1..*")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        InitSession session = Exec.run(CliContext.open(main.root), id, command, new StdioSetup.Inherit());
        try {
            return session.process().waitFor();
        } finally {
            session.close();
        }
    }
}
