package dev.cvbench.harness.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JreLinkerTest {
    @TempDir
    Path tmp;

    @Test
    void parsesJdepsModuleLineAndIgnoresWarnings() {
        String out = "Warning: split package: dev.x\njava.base,java.management,jdk.unsupported\n";
        assertThat(JreLinker.parseModuleDeps(out)).containsExactly("java.base", "java.management", "jdk.unsupported");
        assertThat(JreLinker.parseModuleDeps("")).isEmpty();
    }

    @Test
    void jdepsFindingsAreAddedAfterTheBaseModulesWithoutDuplicates() throws Exception {
        assertThat(JreLinker.modules(tmp, List.of("java.base", "jdk.unsupported"), List.of(), true))
                .containsExactly("java.base", "jdk.unsupported");
    }

    @Test
    void aJreWithoutJlinkNamesTheJdkPackage() {
        assertThatThrownBy(() -> JreLinker.jlink(tmp, List.of("java.base"), List.of(), tmp.resolve("out")))
                .isInstanceOf(ImageException.MissingTool.class)
                .hasMessageContaining("no jlink in " + tmp)
                .hasMessageContaining("apt-get install openjdk-17-jdk-headless");
    }

    @Test
    void appCdsUseIsReadFromTheClassLoadLog() {
        String log = """
                [0.010s][info][class,load] java.lang.Object source: shared objects file
                [0.052s][info][class,load] x.Main source: shared objects file (top)
                """;
        assertThat(AppCdsTrainer.usedArchive(log, "x.Main")).isTrue();
        assertThat(AppCdsTrainer.usedArchive("[0.05s][info][class,load] x.Main source: file:/opt/cvbench/lib/a.jar", "x.Main")).isFalse();
        assertThat(AppCdsTrainer.usedArchive(log, "x.Mai")).isFalse();
    }
}
