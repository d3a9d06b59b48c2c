package dev.cvbench.container.cli;

import dev.cvbench.container.NoSuchContainerException;
import dev.cvbench.container.lifecycle.Create;
import dev.cvbench.container.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code logs ID}: prints what a detached container wrote (its container.log). */
@Command(name = "logs", description = "Print the output of a detached container.")
final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() throws Exception {
        StateStore.checkId(id);
        Path dir = new StateStore(main.root).dir(id);
        if (!Files.isDirectory(dir)) {
            throw new NoSuchContainerException(id);
        }
        Path log = dir.resolve(Create.LOG_FILE);
        if (Files.exists(log)) {
            System.out.write(Files.readAllBytes(log));
            System.out.flush();
        }
        return 0;
    }
}
