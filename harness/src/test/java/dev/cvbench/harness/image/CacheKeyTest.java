package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {
    @TempDir
    Path tmp;
    Path busybox;
    Path jdk;
    Path coreClasses;
    Path agentJar;
    ImageInputs base;

    @BeforeEach
    void inputs() throws IOException {
        busybox = Files.writeString(tmp.resolve("busybox"), "busybox v1");
        jdk = Files.createDirectories(tmp.resolve("jdk"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        coreClasses = Files.createDirectories(tmp.resolve("core/target/classes/dev/cvbench")).getParent().getParent();
        Files.writeString(coreClasses.resolve("dev/cvbench/A.class"), "class A");
        agentJar = Files.writeString(tmp.resolve("cvbench-workloads.jar"), "jar bytes");
        base = ImageInputs.builder().cacheRoot(tmp.resolve("cache")).jdkHome(jdk).build();
    }

    private CacheKey key(ImageInputs in) throws IOException {
        return CacheKey.compute(in, busybox, List.of(coreClasses, agentJar), true);
    }

    private CacheKey key(UnaryOperator<ImageInputs.Builder> change) throws IOException {
        return key(change.apply(base.toBuilder()).build());
    }

    @Test
    void sameInputsGiveSameKey() throws IOException {
        CacheKey a = key(base);
        CacheKey b = key(base.toBuilder().build());
        assertThat(a).isEqualTo(b);
        assertThat(a.hash()).hasSize(CacheKey.LENGTH).matches("[0-9a-f]+");
        assertThat(a.parts()).containsKeys("builder", "busybox", "jdk.home", "jdk.release", "modules", "jlink", "agent.0", "agent.1");
    }

    @Test
    void settingsThatDoNotShapeTheImageDoNotChangeTheKey() throws IOException {
        CacheKey a = key(base);
        assertThat(key(b -> b.cacheRoot(tmp.resolve("elsewhere")))).isEqualTo(a);
        assertThat(key(b -> b.startupProbeRuns(9))).isEqualTo(a);
        Files.setLastModifiedTime(agentJar, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(key(base)).as("content, not timestamps").isEqualTo(a);
    }

    @Test
    void everyImageInputChangesTheKey() throws IOException {
        String a = key(base).hash();
        assertThat(key(b -> b.modules(List.of("java.base")))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.jdepsModules(false))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.jlinkOptions(List.of("--strip-debug")))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.stripNativeSymbols(false))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.training("x.Main", List.of()))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.applets(Set.of("sh")))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.hostname("other"))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(key(b -> b.jdkHome(tmp))).extracting(CacheKey::hash).isNotEqualTo(a);
        assertThat(CacheKey.compute(base, busybox, List.of(coreClasses, agentJar), false).hash()).as("no AppCDS").isNotEqualTo(a);
        assertThat(CacheKey.compute(base, busybox, List.of(agentJar, coreClasses), true).hash()).as("class-path order").isNotEqualTo(a);
    }

    @Test
    void changedFilesChangeTheKey() throws IOException {
        String a = key(base).hash();
        Files.writeString(busybox, "busybox v2");
        String b = key(base).hash();
        assertThat(b).isNotEqualTo(a);
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.16\"\n");
        String c = key(base).hash();
        assertThat(c).isNotEqualTo(b);
        Files.writeString(coreClasses.resolve("dev/cvbench/B.class"), "class B");
        String d = key(base).hash();
        assertThat(d).isNotEqualTo(c);
        Files.writeString(agentJar, "other jar bytes");
        assertThat(key(base).hash()).isNotEqualTo(d);
    }
}
