package dev.cvbench.container.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.container.config.ContainerConfig.MountConfig;
import dev.cvbench.container.spec.DefaultSpec;
import dev.cvbench.container.spec.Spec;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecConverterTest {
    @TempDir
    Path bundle;

    @Test
    void convertsTheDefaultSpec() throws Exception {
        Files.createDirectories(bundle.resolve("rootfs"));
        ContainerConfig c = SpecConverter.convert(DefaultSpec.create(), new CheckContext(bundle, 2));
        assertThat(c.rootfs()).isEqualTo(bundle.resolve("rootfs"));
        assertThat(c.readonlyRootfs()).isTrue();
        assertThat(c.hostname()).hasValue("runc");
        assertThat(c.process().args()).containsExactly("sh");
        assertThat(c.process().noNewPrivileges()).isTrue();
        // CAP_AUDIT_WRITE=29, CAP_KILL=5, CAP_NET_BIND_SERVICE=10
        assertThat(c.process().capabilities().bounding()).isEqualTo((1L << 29) | (1L << 5) | (1L << 10));
        assertThat(c.process().capabilities().inheritable()).isZero();
        assertThat(c.process().rlimits()).containsExactly(new ContainerConfig.RlimitConfig(7, 1024, 1024));
        assertThat(c.createsNamespace(NamespaceType.NETWORK)).isTrue();
        assertThat(c.namespace(NamespaceType.CGROUP)).isEmpty();
        MountConfig dev = c.mounts().get(1);
        assertThat(dev).isEqualTo(new MountConfig("tmpfs", "/dev", "tmpfs", MountOptions.MS_NOSUID | MountOptions.MS_STRICTATIME, 0,
                "mode=755,size=65536k"));
        assertThat(c.mounts().get(5).flags()).isEqualTo(MountOptions.MS_NOSUID | MountOptions.MS_NOEXEC | MountOptions.MS_NODEV
                | MountOptions.MS_RDONLY);
        assertThat(c.maskedPaths()).contains("/proc/kcore");
        assertThat(c.resources()).isEqualTo(ContainerConfig.ResourceLimits.NONE);
    }

    @Test
    void convertsResourcesBindsJoinedNamespacesAndInfiniteRlimits() throws Exception {
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.createDirectories(bundle.resolve("data"));
        Spec d = DefaultSpec.create();
        BigInteger inf = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        Spec.Process p = new Spec.Process(false, new Spec.User(1000L, 100L, List.of(10L)), List.of("a b"), List.of("X=1"), "/w",
                null, List.of(new Spec.Rlimit("RLIMIT_CORE", inf, inf)), null);
        Spec.Linux linux = new Spec.Linux(List.of(new Spec.Namespace("network", "/proc/self/ns/net"), new Spec.Namespace("mount", null)),
                new Spec.Resources(new Spec.Memory(64L << 20, null), new Spec.Cpu(512L, 50_000L, 100_000L, "0", "0"), new Spec.Pids(-1L)),
                "/mine/c1", null, null);
        Spec s = new Spec("1.0.0", p, new Spec.Root("rootfs", null), null,
                List.of(new Spec.Mount("/data", null, "data", List.of("rbind", "ro", "rprivate"))), linux, Map.of("k", "v"));
        ContainerConfig c = SpecConverter.convert(s, new CheckContext(bundle, 2));
        assertThat(c.process().uid()).isEqualTo(1000);
        assertThat(c.process().additionalGids()).containsExactly(10L);
        assertThat(c.process().rlimits().get(0).soft()).isEqualTo(-1L); // 2^64-1 as unsigned
        assertThat(c.process().capabilities()).isEqualTo(ContainerConfig.CapabilitySets.NONE);
        assertThat(c.namespace(NamespaceType.NETWORK).orElseThrow().path()).hasValue(Path.of("/proc/self/ns/net"));
        assertThat(c.createsNamespace(NamespaceType.NETWORK)).isFalse();
        assertThat(c.resources().memoryBytes()).hasValue(64L << 20);
        assertThat(c.resources().cpuQuotaMicros()).hasValue(50_000L);
        assertThat(c.resources().cpuShares()).hasValue(512L);
        assertThat(c.resources().pidsLimit()).isEmpty();
        assertThat(c.cgroupsPath()).hasValue("/mine/c1");
        assertThat(c.mounts()).containsExactly(new MountConfig(bundle.resolve("data").toString(), "/data", "bind",
                MountOptions.MS_BIND | MountOptions.MS_REC | MountOptions.MS_RDONLY, MountOptions.MS_PRIVATE | MountOptions.MS_REC, ""));
        assertThat(c.annotations()).containsEntry("k", "v");
        assertThat(c.hostname()).isEqualTo(Optional.empty());
    }

    @Test
    void mountOptionsLaterOptionsWin() {
        assertThat(MountOptions.parse(List.of("ro", "rw", "nosuid", "size=1m", "mode=700", "shared")))
                .isEqualTo(new MountOptions.Parsed(MountOptions.MS_NOSUID, MountOptions.MS_SHARED, "size=1m,mode=700"));
    }

    @Test
    void cpuListParses() {
        assertThat(CpuList.parse("0-2,5")).containsExactly(0, 1, 2, 5);
    }
}
