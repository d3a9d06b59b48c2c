package dev.cvbench.harness.cli.container;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.container.ContainerException;
import dev.cvbench.container.ContainerInfo;
import dev.cvbench.container.ContainerRuntime;
import dev.cvbench.container.ContainerSpec;
import dev.cvbench.container.state.Status;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.harness.HarnessException;
import dev.cvbench.harness.image.ImageException;
import dev.cvbench.harness.sandbox.DefaultImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine;

/**
 * {@code cvbench container run}: create and start a container that outlives this command (like docker's),
 * with its output in the runtime's log file. In the foreground the command follows that log until the
 * container stops and exits with its status; {@code --rm} then deletes it; Ctrl-C kills it. {@code -d}
 * prints the id and returns. The run's arguments are kept in the label {@value #RUN_ARGS} so that
 * {@code start} can run a stopped container again with the same settings.
 */
@Command(name = "run", description = "Create and start a container (docker run).", modelTransformer = StopAtPositional.class)
public final class RunCommand implements Callable<Integer> {
    /** The label holding the original {@code run} arguments (a JSON array). */
    public static final String RUN_ARGS = "dev.cvbench.cli.run";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    ContainerCli.Globals globals;

    @Mixin
    RunOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        options.validate();
        ContainerRuntime rt = ContainerCli.open(globals);
        String id = options.name != null ? options.name : "c" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> args = all.subList(all.indexOf("run") + 1, all.size());
        create(rt, globals, id, options, args);
        ContainerCli.call(() -> {
            try {
                rt.start(id);
            } catch (ContainerException e) {
                rt.delete(id, true);
                throw e;
            }
            return null;
        });
        if (options.detach) {
            System.out.println(id);
            return 0;
        }
        return follow(rt, id, options.rm, System.out);
    }

    /** Creates (not starts) the container for these options; used by run and by start of a stopped one. */
    static void create(ContainerRuntime rt, ContainerCli.Globals g, String id, RunOptions o, List<String> args) throws HarnessException {
        Path rootfs = rootfs(g, o);
        ContainerSpec base = o.toSpec(rootfs, id);
        ContainerSpec spec = base.toBuilder().label(RUN_ARGS, toJson(args)).build();
        ContainerCli.call(() -> rt.createDetached(id, spec));
    }

    private static Path rootfs(ContainerCli.Globals g, RunOptions o) throws HarnessException {
        String image = o.image();
        if (image != null && !image.equals(InstanceSpec.DEFAULT_IMAGE)) {
            return RunOptions.rootfsOf(Path.of(image).toAbsolutePath().normalize());
        }
        try {
            return DefaultImage.get(g.cacheDir(), line -> System.err.println("cvbench: " + line)).rootfs();
        } catch (ImageException e) {
            throw new HarnessException.MissingPrerequisite("cannot build the default image: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while building the default image", e);
        }
    }

    /**
     * Copies the container's log to {@code out} until it stops, then returns its exit status. Ctrl-C kills
     * the container (and removes it with {@code rm}).
     */
    static int follow(ContainerRuntime rt, String id, boolean rm, PrintStream out) throws HarnessException, InterruptedException {
        Thread hook = new Thread(() -> {
            try {
                if (rm) {
                    rt.delete(id, true);
                } else if (rt.info(id).status() != Status.STOPPED) {
                    rt.kill(id, 9);
                }
            } catch (ContainerException e) {
                System.err.println("cvbench: stopping " + id + ": " + e.getMessage());
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int status;
        try (InputStream log = Files.newInputStream(rt.logFile(id))) {
            byte[] buf = new byte[8192];
            ContainerInfo info = ContainerCli.call(() -> rt.info(id));
            while (true) {
                boolean stopped = info.status() == Status.STOPPED;
                for (int n; (n = log.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                }
                out.flush();
                if (stopped) {
                    break;
                }
                Thread.sleep(10);
                info = ContainerCli.call(() -> rt.info(id));
            }
            status = exitStatus(rt, id);
        } catch (IOException e) {
            throw new HarnessException("cannot read the output of " + id + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        if (rm) {
            ContainerCli.call(() -> {
                rt.delete(id, true);
                return null;
            });
        }
        return status;
    }

    /** cvinit writes the exit file right after reaping the container: wait for it briefly. */
    private static int exitStatus(ContainerRuntime rt, String id) throws HarnessException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            ContainerInfo info = ContainerCli.call(() -> rt.info(id));
            if (info.exitStatus().isPresent()) {
                return info.exitStatus().getAsInt();
            }
            Thread.sleep(10);
        }
        throw new HarnessException("container " + id + " stopped but left no exit status");
    }

    static String toJson(List<String> args) {
        try {
            return JSON.writeValueAsString(args);
        } catch (IOException e) {
            throw new IllegalStateException("a string list always serializes", e);
        }
    }

    static List<String> fromJsonUnchecked(String json) {
        try {
            return fromJson(json);
        } catch (IOException e) {
            throw new IllegalStateException("checked by the caller", e);
        }
    }

    static List<String> fromJson(String json) throws IOException {
        return JSON.readValue(json, new TypeReference<List<String>>() {});
    }
}
