package dev.cvbench.container.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cvbench.container.cli.Main;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import dev.cvbench.container.spec.SpecFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cvrun end to end against a busybox bundle: OCI lifecycle rules, exit codes, cleanup after SIGKILL. */
class CvrunLifecycleIT {
    @TempDir
    Path tmp;
    Path bundle;
    Path root;

    record Result(int code, String out, String err) {}

    @BeforeEach
    void setUp() throws Exception {
        Busybox.assumeRootAndBusybox();
        bundle = tmp.resolve("bundle");
        Busybox.rootfs(bundle);
        root = tmp.resolve("state");
        writeConfig(List.of("sh", "-c", "echo started; sleep 30"));
    }

    void writeConfig(List<String> args) throws Exception {
        Spec d = DefaultSpec.create(args, "rootfs");
        Spec.Process p = d.process();
        Spec spec = new Spec(d.ociVersion(), new Spec.Process(false, p.user(), args, p.env(), p.cwd(), p.capabilities(),
                p.rlimits(), p.noNewPrivileges()), d.root(), d.hostname(), d.mounts(), d.linux(), d.annotations());
        Files.writeString(bundle.resolve("config.json"), SpecFiles.toJson(spec));
    }

    synchronized Result cvrun(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            String[] full = new String[args.length + 2];
            full[0] = "--root";
            full[1] = root.toString();
            System.arraycopy(args, 0, full, 2, args.length);
            int code = Main.execute(full);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    JsonNode state(String id) throws Exception {
        Result r = cvrun("state", id);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void createStartStateKillDelete() throws Exception {
        assertThat(cvrun("create", "--bundle", bundle.toString(), "c1").code()).isZero();
        JsonNode s = state("c1");
        assertThat(s.get("status").asText()).isEqualTo("created");
        assertThat(s.get("ociVersion").asText()).startsWith("1.");
        assertThat(s.get("bundle").asText()).isEqualTo(bundle.toString());
        long pid = s.get("pid").asLong();
        assertThat(Files.readString(root.resolve("c1/container.log"))).as("create does not run the process").isEmpty();

        assertThat(cvrun("start", "c1").code()).isZero();
        assertThat(state("c1").get("status").asText()).isEqualTo("running");
        Result again = cvrun("start", "c1");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("cvrun: cannot start container 'c1': it is running\n");

        Result del = cvrun("delete", "c1");
        assertThat(del.code()).isEqualTo(1);
        assertThat(del.err()).contains("use --force");

        assertThat(cvrun("kill", "c1", "KILL").code()).isZero();
        for (int i = 0; i < 200 && !state("c1").get("status").asText().equals("stopped"); i++) {
            Thread.sleep(10);
        }
        assertThat(state("c1").get("status").asText()).isEqualTo("stopped");
        assertThat(Files.exists(Path.of("/proc/" + pid))).isFalse();
        assertThat(Files.readString(root.resolve("c1/container.log"))).isEqualTo("started\n");
        assertThat(cvrun("delete", "c1").code()).isZero();
        assertThat(root.resolve("c1")).doesNotExist();
        assertThat(Busybox.cgroupDir(root, "pids", "c1")).doesNotExist();
    }

    @Test
    void runReturnsTheContainersStatusAndExecJoinsIt() throws Exception {
        writeConfig(List.of("sh", "-c", "exit 3"));
        assertThat(cvrun("run", "--bundle", bundle.toString(), "r1").code()).isEqualTo(3);
        assertThat(root.resolve("r1")).doesNotExist();

        writeConfig(List.of("sleep", "30"));
        Result detached = cvrun("run", "-d", "--bundle", bundle.toString(), "r2");
        assertThat(detached.code()).as(detached.err()).isZero();
        assertThat(cvrun("exec", "r2", "sh", "-c", "test $(cat /proc/1/comm) = sleep && exit 4").code()).isEqualTo(4);
        Result list = cvrun("list");
        assertThat(list.out()).contains("r2").contains("running");
        Result deleted = cvrun("delete", "--force", "r2");
        assertThat(deleted.code()).as(deleted.err()).isZero();
    }

    @Test
    void defaultSpecSetsUserCapabilitiesNoNewPrivsRlimitsAndReadonlyRoot() throws Exception {
        Spec d = DefaultSpec.create(List.of("sh", "-c", "id -u; id -g; grep -E '^(CapEff|CapBnd|NoNewPrivs)' /proc/self/status;"
                + " ulimit -n; touch /rootfile 2>/dev/null || echo ro-root"), "rootfs");
        Spec.Process p = d.process();
        Spec spec = new Spec(d.ociVersion(), new Spec.Process(false, new Spec.User(1000L, 1001L, null), p.args(), p.env(), p.cwd(),
                p.capabilities(), p.rlimits(), p.noNewPrivileges()), d.root(), d.hostname(), d.mounts(), d.linux(), d.annotations());
        Files.writeString(bundle.resolve("config.json"), SpecFiles.toJson(spec));
        assertThat(cvrun("run", "-d", "--bundle", bundle.toString(), "u1").code()).isZero();
        for (int i = 0; i < 500 && !state("u1").get("status").asText().equals("stopped"); i++) {
            Thread.sleep(10);
        }
        // runc's three default capabilities: AUDIT_WRITE (29), KILL (5), NET_BIND_SERVICE (10) bound the set; a
        // non-root user keeps none across execve (no inheritable set, so the ambient ones cannot be raised), as with runc
        String caps = String.format("%016x", (1L << 29) | (1L << 5) | (1L << 10));
        assertThat(Files.readString(root.resolve("u1/container.log"))).isEqualTo("1000\n1001\nCapEff:\t" + "0".repeat(16)
                + "\nCapBnd:\t" + caps + "\nNoNewPrivs:\t1\n1024\nro-root\n");
        assertThat(Files.readString(root.resolve("u1/exit")).trim()).isEqualTo("0");
        assertThat(cvrun("delete", "u1").code()).isZero();
    }

    @Test
    void badInputIsOneLineAndNothingIsLeft() throws Exception {
        Result unknown = cvrun("state", "nope");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("cvrun: container 'nope' does not exist (see `cvrun list`)\n");
        assertThat(cvrun("frobnicate").code()).isEqualTo(2);
        assertThat(cvrun("kill", "x", "NOSIG").code()).isEqualTo(2);

        assertThat(cvrun("create", "--bundle", bundle.toString(), "dup").code()).isZero();
        Result dup = cvrun("create", "--bundle", bundle.toString(), "dup");
        assertThat(dup.code()).isEqualTo(1);
        assertThat(dup.err()).contains("already exists");
        assertThat(cvrun("delete", "--force", "dup").code()).isZero();

        Spec d = DefaultSpec.create(List.of("true"), "rootfs");
        String ipcNs = "/proc/" + ProcessHandle.current().pid() + "/ns/ipc";
        Spec wrongNs = new Spec(d.ociVersion(), d.process(), d.root(), d.hostname(), d.mounts(), new Spec.Linux(
                List.of(new Spec.Namespace("network", ipcNs), new Spec.Namespace("uts", null)), null, null, null, null), null);
        Files.writeString(bundle.resolve("config.json"), SpecFiles.toJson(wrongNs));
        Result wrong = cvrun("create", "--bundle", bundle.toString(), "ns1");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).isEqualTo("cvrun: container init failed at setns: " + ipcNs + " is not a net namespace: Invalid argument\n");
        assertThat(root.resolve("ns1")).doesNotExist();

        Files.move(bundle.resolve("rootfs"), bundle.resolve("elsewhere"));
        Result missing = cvrun("create", "--bundle", bundle.toString(), "m1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).startsWith("cvrun: invalid config: root.path: rootfs directory").endsWith("does not exist\n");
        assertThat(root.resolve("m1")).doesNotExist();
    }

    @Test
    void sigkilledRuntimeLeavesNothingAfterTheNextCommand() throws Exception {
        writeConfig(List.of("sleep", "60"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process cli = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--root", root.toString(), "run", "--bundle", bundle.toString(), "k1").redirectErrorStream(true).start();
        long pid = 0;
        for (int i = 0; i < 1000 && pid == 0; i++) {
            Thread.sleep(20);
            if (Files.exists(root.resolve("k1/state.json"))) {
                JsonNode s = new ObjectMapper().readTree(Files.readString(root.resolve("k1/state.json")));
                pid = s.path("pid").asLong();
            }
        }
        assertThat(pid).as("container started").isPositive();
        cli.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        for (int i = 0; i < 300 && Files.exists(Path.of("/proc/" + pid + "/stat")); i++) {
            Thread.sleep(10);
        }
        assertThat(Path.of("/proc/" + pid + "/stat")).as("container dies with its attached runtime").doesNotExist();
        assertThat(cvrun("list").code()).isZero();
        assertThat(root.resolve("k1")).as("janitor removed the state dir").doesNotExist();
        assertThat(Busybox.cgroupDir(root, "memory", "k1")).doesNotExist();
        assertThat(Busybox.cgroupDir(root, "pids", "k1")).doesNotExist();
    }
}
