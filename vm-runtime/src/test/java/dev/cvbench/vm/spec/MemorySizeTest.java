package dev.cvbench.vm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {
    @ParameterizedTest
    @CsvSource({"512M,524288", "2G,2097152", "1.5G,1572864", "262144K,262144", "512MiB,524288", "256,262144",
        "1g,1048576", " 64m ,65536", "1T,1073741824"})
    void parsesBinarySizes(String text, long kib) throws Exception {
        assertThat(MemorySize.parse(text).kib()).isEqualTo(kib);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12X", "-5M", "M", "1.2.3G", "5 M B"})
    void rejectsMalformedSizesNamingTheFieldAndAnExample(String text) {
        assertThatThrownBy(() -> MemorySize.parse(text)).isInstanceOf(VmException.InvalidSpec.class)
                .hasMessageStartingWith("memory: ").hasMessageContaining("512M");
    }

    @ParameterizedTest
    @CsvSource({"512M,512M", "2048M,2G", "1536K,1536K"})
    void printsTheShortestExactUnit(String text, String printed) throws Exception {
        assertThat(MemorySize.parse(text)).hasToString(printed);
    }
}
