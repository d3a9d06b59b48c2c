package dev.cvbench.container.cli;

import dev.cvbench.container.ContainerException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The plain forms of {@code run} and {@code state} parsed by hand, skipping picocli: building picocli's
 * model of every subcommand by reflection costs about 250 ms of a JVM's start (measured with
 * {@code cvrun --version}), as long as runc takes to run a whole container. Anything unusual (help,
 * {@code --log}, an unknown option, {@code --opt=value}) returns null and goes through picocli as before,
 * so both paths behave the same; errors are reported exactly as {@link Main} reports them.
 */
final class FastPath {
    private FastPath() {}

    /** The exit status, or null when these arguments need the full parser. */
    static Integer tryRun(String[] args) {
        Main main = new Main();
        main.root = Path.of("/run/cvbench");
        main.logFormat = CliLog.Format.text;
        int i = 0;
        if (args.length > 1 && args[0].equals("--root")) {
            main.root = Path.of(args[1]);
            i = 2;
        }
        if (i >= args.length) {
            return null;
        }
        Callable<Integer> command = switch (args[i]) {
            case "run" -> run(main, List.of(args).subList(i + 1, args.length));
            case "state" -> state(main, List.of(args).subList(i + 1, args.length));
            default -> null;
        };
        if (command == null) {
            return null;
        }
        try {
            return command.call();
        } catch (ContainerException e) {
            System.err.println("cvrun: " + e.getMessage());
            main.log().error(e.getMessage());
            return Main.RUNTIME_ERROR;
        } catch (Exception e) {
            System.err.println("cvrun: " + e);
            return Main.RUNTIME_ERROR;
        }
    }

    private static RunCommand run(Main main, List<String> a) {
        RunCommand c = new RunCommand();
        c.main = main;
        c.bundle = Path.of(".");
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            if ((s.equals("--bundle") || s.equals("-b")) && i + 1 < a.size()) {
                c.bundle = Path.of(a.get(++i));
            } else if (s.equals("--pid-file") && i + 1 < a.size()) {
                c.pidFile = Path.of(a.get(++i));
            } else if (s.equals("--detach") || s.equals("-d")) {
                c.detach = true;
            } else if (!s.startsWith("-") && c.id == null && i == a.size() - 1) {
                c.id = s;
            } else {
                return null;
            }
        }
        return c.id == null ? null : c;
    }

    private static StateCommand state(Main main, List<String> a) {
        if (a.size() != 1 || a.get(0).startsWith("-")) {
            return null;
        }
        StateCommand c = new StateCommand();
        c.main = main;
        c.id = a.get(0);
        return c;
    }
}
