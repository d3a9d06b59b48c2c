package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.State;
import dev.cvbench.container.state.StateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "state", description = "Print the OCI state of a container as JSON.")
final class StateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        System.out.println(StateStore.toJson(State.run(CliContext.open(main.root), id)));
        return 0;
    }
}
