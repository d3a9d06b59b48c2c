package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.Delete;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "delete", description = "Delete a stopped container (--force: kill it first).")
final class DeleteCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"--force", "-f"})
    boolean force;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        Delete.run(CliContext.open(main.root), id, force);
        main.log().info("deleted " + id);
        return 0;
    }
}
