package dev.cvbench.harness.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.harness.HarnessException;
import dev.cvbench.workload.WorkloadCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuiteLoaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void validate(Suite s) throws HarnessException.BadInput {
        new SuiteValidator(WorkloadCatalog.load()).validate(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quick", "standard"})
    void builtInSuitesAreValid(String name) throws Exception {
        Suite s = SuiteLoader.load(name);
        validate(s);
        assertThat(s.runtimes()).containsExactly("host", "container", "vm");
        assertThat(s.workloads()).extracting(WorkloadEntry::name).contains("boot", "memory-bandwidth");
    }

    @Test
    void readsYamlAndJson() throws Exception {
        Suite y = SuiteLoader.load(file("s.yaml", "name: mine\nruntimes: [host]\nrepetitions: 2\nworkloads:\n  - name: boot\n").toString());
        Suite j = SuiteLoader.load(file("s.json", "{\"name\":\"mine\",\"runtimes\":[\"host\"],\"workloads\":[{\"name\":\"boot\"}]}").toString());
        assertThat(y.repetitions()).isEqualTo(2);
        assertThat(j.workloads()).hasSize(1);
        validate(y);
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws Exception {
        Path f = file("bad.yaml", "name: x\nworkloads: [\n  - boot: {\n");
        assertThatThrownBy(() -> SuiteLoader.load(f.toString())).isInstanceOf(HarnessException.BadInput.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("line");
    }

    @Test
    void unknownKeyIsAnErrorWithItsPath() throws Exception {
        Path f = file("typo.yaml", "name: x\nworkloads:\n  - name: boot\n    repetitons: 3\n");
        assertThatThrownBy(() -> SuiteLoader.load(f.toString())).hasMessageContaining("workloads[0].repetitons: unknown key");
    }

    @Test
    void missingWorkloadNameIsAnError() throws Exception {
        Path f = file("noname.yaml", "name: x\nworkloads:\n  - parameters: {a: b}\n");
        assertThatThrownBy(() -> SuiteLoader.load(f.toString())).hasMessageContaining("required key missing: name");
    }

    @Test
    void unknownWorkloadParameterAndRuntimeAreNamed() throws Exception {
        assertThatThrownBy(() -> validate(SuiteLoader.load(file("w.yaml", "name: x\nworkloads:\n  - name: fly\n").toString())))
                .hasMessageContaining("workloads[0]: unknown workload 'fly' (known: boot, memory-bandwidth)");
        assertThatThrownBy(() -> validate(SuiteLoader.load(file("p.yaml", "name: x\nworkloads:\n  - name: memory-bandwidth\n    parameters: {size: 3}\n").toString())))
                .hasMessageContaining("unknown parameter 'size' for memory-bandwidth (known: array_mb, iterations, threads)");
        assertThatThrownBy(() -> validate(SuiteLoader.load(file("r.yaml", "name: x\nruntimes: [host, docker]\nworkloads:\n  - name: boot\n").toString())))
                .hasMessageContaining("unknown runtime 'docker'");
        assertThatThrownBy(() -> validate(SuiteLoader.load(file("c.yaml", "name: x\nrepetitions: 0\nworkloads:\n  - name: boot\n").toString())))
                .hasMessageContaining("repetitions: must be at least 1");
    }

    @Test
    void neitherBuiltInNorFileIsAnError() {
        assertThatThrownBy(() -> SuiteLoader.load("nightly")).hasMessageContaining("no suite 'nightly'").hasMessageContaining("quick, standard");
    }
}
