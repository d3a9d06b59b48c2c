package dev.cvbench.container.cli;

import dev.cvbench.container.lifecycle.ListContainers;
import dev.cvbench.container.state.StateStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "List containers (table, or --format json).")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = {"--format", "-f"}, defaultValue = "table", description = "table or json")
    String format;

    @Override
    public Integer call() throws Exception {
        List<ListContainers.Entry> entries = ListContainers.run(CliContext.open(main.root));
        if (format.equals("json")) {
            System.out.println(StateStore.toJson(entries.stream().map(ListContainers.Entry::state).toList()));
            return 0;
        }
        System.out.printf("%-20s %-8s %-10s %-40s %s%n", "ID", "PID", "STATUS", "BUNDLE", "CREATED");
        for (ListContainers.Entry e : entries) {
            System.out.printf("%-20s %-8s %-10s %-40s %s%n", e.state().id(), e.state().pid() == null ? 0 : e.state().pid(),
                    e.state().status(), e.state().bundle(), e.created());
        }
        return 0;
    }
}
