package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.wire.AgentWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentJarsTest {
    @TempDir
    Path tmp;

    @Test
    void locatesTheCodeSourceOfAClass() throws Exception {
        Path core = AgentJars.sourceOf(AgentWriter.class);
        assertThat(core).exists();
        assertThat(AgentJars.sourcesOf(List.of(AgentWriter.class.getName(), "dev.cvbench.core.wire.WireFormat"))).containsExactly(core);
    }

    @Test
    void aMissingAgentClassSaysWhatToBuild() {
        assertThatThrownBy(() -> AgentJars.sourcesOf(List.of("dev.cvbench.nope.Agent")))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("dev.cvbench.nope.Agent is not on the class path");
    }

    @Test
    void namesJarsAfterTheirModule() throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("workloads/target/classes"));
        Path testClasses = Files.createDirectories(tmp.resolve("workloads/target/test-classes"));
        Path other = Files.createDirectories(tmp.resolve("probe"));
        assertThat(AgentJars.jarName(classes)).isEqualTo("workloads.jar");
        assertThat(AgentJars.jarName(testClasses)).isEqualTo("workloads-tests.jar");
        assertThat(AgentJars.jarName(other)).isEqualTo("probe.jar");
        assertThat(AgentJars.jarName(tmp.resolve("cvbench-core-0.1.0.jar"))).isEqualTo("cvbench-core-0.1.0.jar");
    }

    @Test
    void packsADirectoryReproducibly() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("classes/dev/x"));
        Files.writeString(dir.resolve("B.class"), "b");
        Files.writeString(dir.resolve("A.class"), "a");
        Path one = tmp.resolve("one.jar");
        Path two = tmp.resolve("two.jar");
        AgentJars.install(tmp.resolve("classes"), one);
        Thread.sleep(1100); // a second later: timestamps must not leak into the bytes
        AgentJars.install(tmp.resolve("classes"), two);
        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        try (JarFile jar = new JarFile(one.toFile())) {
            assertThat(jar.stream().map(e -> e.getName()).toList())
                    .containsExactly("META-INF/MANIFEST.MF", "dev/x/A.class", "dev/x/B.class");
            assertThat(jar.getManifest()).isNotNull();
        }
    }
}
