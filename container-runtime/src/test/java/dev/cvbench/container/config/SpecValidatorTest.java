package dev.cvbench.container.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.container.InvalidConfigException;
import dev.cvbench.container.InvalidConfigException.ConfigError;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import dev.cvbench.container.spec.SpecFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per validation rule: each invalid field is reported by its JSON path. */
class SpecValidatorTest {
    @TempDir
    Path bundle;
    CheckContext ctx;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(bundle.resolve("rootfs"));
        ctx = new CheckContext(bundle, 2);
    }

    static Spec valid() {
        return DefaultSpec.create();
    }

    static Spec withProcess(UnaryOperator<Spec.Process> f) {
        Spec s = valid();
        return new Spec(s.ociVersion(), f.apply(s.process()), s.root(), s.hostname(), s.mounts(), s.linux(), s.annotations());
    }

    static Spec withLinux(Spec.Linux linux) {
        Spec s = valid();
        return new Spec(s.ociVersion(), s.process(), s.root(), s.hostname(), s.mounts(), linux, s.annotations());
    }

    static Spec.Process args(Spec.Process p, List<String> args) {
        return new Spec.Process(p.terminal(), p.user(), args, p.env(), p.cwd(), p.capabilities(), p.rlimits(), p.noNewPrivileges());
    }

    List<String> errors(Spec s) {
        return SpecValidator.validate(s, ctx).stream().map(ConfigError::toString).toList();
    }

    @Test
    void defaultSpecIsValid() {
        assertThat(errors(valid())).isEmpty();
    }

    @Test
    void ociVersionMustBeOneDotX() {
        Spec s = valid();
        assertThat(errors(new Spec("2.0.0", s.process(), s.root(), s.hostname(), s.mounts(), s.linux(), null)))
                .containsExactly("ociVersion: version 2.0.0 is not supported: only 1.x");
        assertThat(errors(new Spec(null, s.process(), s.root(), s.hostname(), s.mounts(), s.linux(), null)))
                .containsExactly("ociVersion: is required (e.g. \"1.0.2\")");
    }

    @Test
    void processIsRequired() {
        Spec s = valid();
        assertThat(errors(new Spec("1.0.2", null, s.root(), null, s.mounts(), s.linux(), null))).containsExactly("process: is required");
    }

    @Test
    void argsMustNotBeEmpty() {
        assertThat(errors(withProcess(p -> args(p, List.of())))).containsExactly("process.args: must not be empty");
        assertThat(errors(withProcess(p -> args(p, List.of(""))))).containsExactly("process.args[0]: must not be empty");
    }

    @Test
    void cwdMustBeAbsolute() {
        assertThat(errors(withProcess(p -> new Spec.Process(false, p.user(), p.args(), p.env(), "tmp", null, null, null))))
                .containsExactly("process.cwd: must be an absolute path");
    }

    @Test
    void terminalIsRefused() {
        assertThat(errors(withProcess(p -> new Spec.Process(true, p.user(), p.args(), p.env(), "/", null, null, null))))
                .containsExactly("process.terminal: terminal=true is not supported by cvrun: set it to false");
    }

    @Test
    void envEntriesNeedAnEqualsSign() {
        assertThat(errors(withProcess(p -> new Spec.Process(false, p.user(), p.args(), List.of("A=1", "BROKEN"), "/", null, null, null))))
                .containsExactly("process.env[1]: must look like NAME=value");
    }

    @Test
    void uidAndGidInRange() {
        assertThat(errors(withProcess(p -> new Spec.Process(false, new Spec.User(-1L, 5_000_000_000L, null), p.args(), null, "/", null, null, null))))
                .containsExactly("process.user.uid: must be between 0 and 4294967294", "process.user.gid: must be between 0 and 4294967294");
    }

    @Test
    void rlimitsNeedKnownTypeAndSoftBelowHard() {
        List<Spec.Rlimit> rl = List.of(new Spec.Rlimit("RLIMIT_BOGUS", BigInteger.TEN, BigInteger.ONE),
                new Spec.Rlimit("RLIMIT_NOFILE", BigInteger.ONE, BigInteger.TEN));
        assertThat(errors(withProcess(p -> new Spec.Process(false, p.user(), p.args(), null, "/", null, rl, null))))
                .containsExactly("process.rlimits[0].type: unknown rlimit 'RLIMIT_BOGUS'",
                        "process.rlimits[1].soft: must not exceed hard (1)");
    }

    @Test
    void capabilitiesMustBeKnown() {
        Spec.Capabilities caps = new Spec.Capabilities(List.of("CAP_KILL", "CAP_FLY"), null, null, null, null);
        assertThat(errors(withProcess(p -> new Spec.Process(false, p.user(), p.args(), null, "/", caps, null, null))))
                .containsExactly("process.capabilities.bounding[1]: unknown capability 'CAP_FLY'");
    }

    @Test
    void rootfsMustExist() {
        Spec s = valid();
        assertThat(errors(new Spec("1.0.2", s.process(), new Spec.Root("missing", false), s.hostname(), s.mounts(), s.linux(), null)))
                .containsExactly("root.path: rootfs directory " + bundle.resolve("missing") + " does not exist");
    }

    @Test
    void hostnameNeedsValidNameAndOwnUtsNamespace() {
        Spec s = valid();
        assertThat(errors(new Spec("1.0.2", s.process(), s.root(), "bad_name", s.mounts(), s.linux(), null)))
                .containsExactly("hostname: 'bad_name' is not a valid host name (letters, digits, '-', '.'; at most 64)");
        Spec.Linux noUts = new Spec.Linux(List.of(new Spec.Namespace("pid", null)), null, null, null, null);
        assertThat(errors(withLinux(noUts))).containsExactly("hostname: setting a hostname needs a new uts namespace in linux.namespaces");
    }

    @Test
    void mountsNeedAbsoluteDestinationKnownTypeAndExistingBindSource() {
        Spec s = valid();
        List<Spec.Mount> mounts = List.of(new Spec.Mount("../etc", "tmpfs", "tmpfs", null), new Spec.Mount("/x", "nfs", "srv:/", null),
                new Spec.Mount("/data", "bind", "nowhere", List.of("rbind")));
        assertThat(errors(new Spec("1.0.2", s.process(), s.root(), s.hostname(), mounts, s.linux(), null))).containsExactly(
                "mounts[0].destination: must be an absolute path without '..' (got '../etc')",
                "mounts[1].type: unsupported mount type 'nfs' (supported: " + FilesystemChecks.MOUNT_TYPES + ")",
                "mounts[2].source: bind source " + bundle.resolve("nowhere") + " does not exist");
    }

    @Test
    void maskedAndReadonlyPathsMustBeAbsolute() {
        assertThat(errors(withLinux(new Spec.Linux(valid().linux().namespaces(), null, null, List.of("proc/kcore"), List.of("/a/../b")))))
                .containsExactly("linux.maskedPaths[0]: must be an absolute path without '..'",
                        "linux.readonlyPaths[0]: must be an absolute path without '..'");
    }

    @Test
    void namespacesKnownUniqueAndPathsExist() {
        List<Spec.Namespace> ns = List.of(new Spec.Namespace("uts", null), new Spec.Namespace("user", null),
                new Spec.Namespace("time", null), new Spec.Namespace("uts", null), new Spec.Namespace("network", "/no/such/ns"));
        assertThat(errors(withLinux(new Spec.Linux(ns, null, null, null, null)))).containsExactly(
                "linux.namespaces[1].type: user namespaces are not supported by cvrun",
                "linux.namespaces[2].type: unknown namespace type 'time' (pid, network, ipc, uts, mount, cgroup)",
                "linux.namespaces[3].type: namespace 'uts' is listed twice",
                "linux.namespaces[4].path: namespace file /no/such/ns does not exist");
    }

    @Test
    void resourcesThatCannotBeMet() {
        Spec.Resources r = new Spec.Resources(new Spec.Memory(1024L, 512L), new Spec.Cpu(1L, 10L, 10L, "0-7", null), new Spec.Pids(0L));
        assertThat(errors(withLinux(new Spec.Linux(valid().linux().namespaces(), r, null, null, null)))).containsExactly(
                "linux.resources.memory.limit: must be at least 4 MiB (4194304) or -1 for none",
                "linux.resources.memory.swap: is memory+swap and must be at least the memory limit",
                "linux.resources.cpu.period: must be between 1000 and 1000000 microseconds",
                "linux.resources.cpu.quota: must be at least 1000 microseconds, or -1 for none",
                "linux.resources.cpu.shares: must be between 2 and 262144",
                "linux.resources.cpu.cpus: CPU 2 does not exist (this host has 2)",
                "linux.resources.pids.limit: must be positive, or -1 for none");
    }

    @Test
    void malformedCpuList() {
        Spec.Resources r = new Spec.Resources(null, new Spec.Cpu(null, null, null, "1-0", null), null);
        assertThat(errors(withLinux(new Spec.Linux(valid().linux().namespaces(), r, null, null, null))))
                .containsExactly("linux.resources.cpu.cpus: '1-0' is not a cpu list like 0-1,3: bad range '1-0'");
    }

    @Test
    void cgroupsPathWithoutDotDot() {
        assertThat(errors(withLinux(new Spec.Linux(valid().linux().namespaces(), null, "/a/../../b", null, null))))
                .containsExactly("linux.cgroupsPath: must be a path like /cvbench/web without '..' (systemd slices are not supported)");
    }

    @Test
    void converterThrowsWithEveryProblemAndTheFirstInTheMessage() {
        assertThatThrownBy(() -> SpecConverter.convert(withProcess(p -> args(p, List.of())), ctx))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid config: process.args: must not be empty");
    }

    @Test
    void malformedJsonNamesThePath() {
        assertThatThrownBy(() -> SpecFiles.parse("{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":{\"x\":1}}}"))
                .isInstanceOf(InvalidConfigException.class).hasMessageStartingWith("invalid config: process.args: ");
        assertThatThrownBy(() -> SpecFiles.parse("{\"ociVersion\": "))
                .hasMessageStartingWith("invalid config: $: malformed JSON");
    }
}
