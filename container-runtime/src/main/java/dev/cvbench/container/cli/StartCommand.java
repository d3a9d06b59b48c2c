package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.Start;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "start", description = "Run the process of a created container.")
final class StartCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        Start.run(CliContext.open(main.root), id);
        main.log().info("started " + id);
        return 0;
    }
}
