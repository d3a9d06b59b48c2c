package dev.cvbench.harness.cli.container;

import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerInfo;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.InvalidStateException;
import dev.cvbench.container.state.Status;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.cli.TextTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/** {@code ps}, {@code exec}, {@code stop}, {@code start}, {@code kill}, {@code rm}, {@code logs}: one small class each. */
public final class LifecycleCommands {
    private static final int SIGTERM = 15;
    private static final int SIGKILL = 9;

    private LifecycleCommands() {}

    @Command(name = "ps", description = "List running containers (-a: all).")
    public static final class Ps implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Option(names = {"-a", "--all"}, description = "Also created and stopped containers.")
        boolean all;

        @Override
        public Integer call() throws HarnessException {
            ContainerRuntime rt = ContainerCli.open(globals);
            TextTable t = new TextTable("ID", "STATUS", "PID", "ADDRESS", "CREATED", "COMMAND");
            for (ContainerInfo i : ContainerCli.call(rt::list)) {
                if (all || i.status() == Status.RUNNING) {
                    String status = i.status().ociName() + i.exitStatus().stream().mapToObj(s -> " (" + s + ")").findFirst().orElse("");
                    t.row(i.id(), status, i.pid() == 0 ? "-" : Long.toString(i.pid()), i.address().orElse("-"), i.created(),
                            String.join(" ", i.args()));
                }
            }
            System.out.print(t.render());
            return 0;
        }
    }

    @Command(name = "exec", description = "Run a command in a running container.", modelTransformer = StopAtPositional.class)
    public static final class Exec implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            ContainerRuntime rt = ContainerCli.open(globals);
            Process p = ContainerCli.call(() -> rt.execInherit(id, command));
            return p.waitFor();
        }
    }

    @Command(name = "stop", description = "Stop containers: SIGTERM, then SIGKILL after the grace period.")
    public static final class Stop implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Option(names = {"-t", "--time"}, defaultValue = "10", description = "Seconds to wait before SIGKILL (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Override
        public Integer call() throws HarnessException, InterruptedException {
            ContainerRuntime rt = ContainerCli.open(globals);
            for (String id : ids) {
                stop(rt, id, seconds);
                System.out.println(id);
            }
            return 0;
        }
    }

    /** SIGTERM, wait, SIGKILL; a stopped container is left as it is. */
    static void stop(ContainerRuntime rt, String id, int graceSeconds) throws HarnessException, InterruptedException {
        if (ContainerCli.call(() -> rt.info(id)).status() == Status.STOPPED) {
            return;
        }
        signal(rt, id, SIGTERM);
        long deadline = System.nanoTime() + graceSeconds * 1_000_000_000L;
        while (ContainerCli.call(() -> rt.info(id)).status() != Status.STOPPED) {
            if (System.nanoTime() > deadline) {
                signal(rt, id, SIGKILL);
                deadline = Long.MAX_VALUE;
            }
            Thread.sleep(20);
        }
    }

    private static void signal(ContainerRuntime rt, String id, int signal) throws HarnessException {
        try {
            rt.kill(id, signal);
        } catch (InvalidStateException e) {
            // it stopped in the meantime
        } catch (ContainerException e) {
            throw ContainerCli.map(e);
        }
    }

    @Command(name = "kill", description = "Send a signal to a container's main process (default KILL).")
    public static final class Kill implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Option(names = {"-s", "--signal"}, defaultValue = "KILL", description = "Signal name or number (default: ${DEFAULT-VALUE}).")
        String signal;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Override
        public Integer call() throws HarnessException {
            int n = Signals.parse(signal);
            ContainerRuntime rt = ContainerCli.open(globals);
            for (String id : ids) {
                ContainerCli.call(() -> {
                    rt.kill(id, n);
                    return null;
                });
            }
            return 0;
        }
    }

    @Command(name = "start", description = "Start created containers, or run stopped ones again with the same settings.")
    public static final class Start implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Override
        public Integer call() throws HarnessException {
            ContainerRuntime rt = ContainerCli.open(globals);
            for (String id : ids) {
                start(rt, id);
                System.out.println(id);
            }
            return 0;
        }

        private void start(ContainerRuntime rt, String id) throws HarnessException {
            ContainerInfo info = ContainerCli.call(() -> rt.info(id));
            if (info.status() == Status.CREATED) {
                ContainerCli.call(() -> {
                    rt.start(id);
                    return null;
                });
                return;
            }
            if (info.status() != Status.STOPPED) {
                throw new HarnessException.BadInput("container " + id + " is " + info.status().ociName() + ": stop it first");
            }
            String json = info.annotations().get(RunCommand.RUN_ARGS);
            if (json == null) {
                throw new HarnessException.BadInput("container " + id + " was not made by 'cvbench container run': it cannot be restarted");
            }
            RunOptions o = new RunOptions();
            byte[] oldLog;
            try {
                List<String> args = RunCommand.fromJson(json);
                new CommandLine(o).setStopAtPositional(true).parseArgs(args.toArray(String[]::new));
                o.validate();
                oldLog = readLog(rt, id);
            } catch (IOException | CommandLine.ParameterException e) {
                throw new HarnessException.BadInput("cannot restart " + id + ": its recorded settings are unreadable (" + e.getMessage() + ")");
            }
            ContainerCli.call(() -> {
                rt.delete(id, false);
                return null;
            });
            RunCommand.create(rt, globals, id, o, RunCommand.fromJsonUnchecked(json));
            ContainerCli.call(() -> {
                try {
                    Files.write(rt.logFile(id), oldLog, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new ContainerException("cannot keep the log of " + id + ": " + e.getMessage(), e);
                }
                rt.start(id);
                return null;
            });
        }
    }

    private static byte[] readLog(ContainerRuntime rt, String id) throws IOException {
        try {
            return Files.readAllBytes(rt.logFile(id));
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    @Command(name = "rm", description = "Remove stopped containers (-f: also running ones).")
    public static final class Rm implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Option(names = {"-f", "--force"}, description = "Kill a running container first.")
        boolean force;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Override
        public Integer call() throws HarnessException {
            ContainerRuntime rt = ContainerCli.open(globals);
            for (String id : ids) {
                ContainerCli.call(() -> {
                    rt.delete(id, force);
                    return null;
                });
                System.out.println(id);
            }
            return 0;
        }
    }

    @Command(name = "logs", description = "Print a container's output (stdout and stderr).")
    public static final class Logs implements Callable<Integer> {
        @ParentCommand
        ContainerCli.Globals globals;

        @Parameters(index = "0", paramLabel = "ID")
        String id;

        @Override
        public Integer call() throws HarnessException {
            ContainerRuntime rt = ContainerCli.open(globals);
            ContainerCli.call(() -> rt.info(id));
            try {
                System.out.write(readLog(rt, id));
                System.out.flush();
            } catch (IOException e) {
                throw new HarnessException("cannot read the log of " + id + ": " + e.getMessage(), e);
            }
            return 0;
        }
    }
}
