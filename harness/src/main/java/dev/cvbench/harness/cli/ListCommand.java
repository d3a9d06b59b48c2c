package dev.cvbench.harness.cli;

import dev.cvbench.core.workload.Workload;
import dev.cvbench.harness.suite.SuiteLoader;
import dev.cvbench.workload.WorkloadCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cvbench list}: workloads (with parameters and defaults), built-in suites and runtimes. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List workloads, their parameters, suites and runtimes.")
final class ListCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        TextTable t = new TextTable("workload", "parameters (defaults)", "description");
        for (Workload w : WorkloadCatalog.load().all().values()) {
            String params = w.defaultParameters().isEmpty() ? "-" : w.defaultParameters().toString().replaceAll("[{}]", "");
            t.row(w.name(), params, w.description());
        }
        System.out.print(t.render());
        System.out.println();
        System.out.println("suites:   " + String.join(", ", SuiteLoader.BUILT_IN) + " (or a YAML/JSON suite file)");
        System.out.println("runtimes: host, container, vm");
        return ExitCodes.OK;
    }
}
