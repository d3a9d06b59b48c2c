package dev.cvbench.container.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Volume;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VolumeSpecTest {
    @Test
    void absoluteSourceIsABindMount() throws Exception {
        assertThat(VolumeSpec.parse("/srv/config:/etc/app:ro"))
                .isEqualTo(new VolumeSpec.Bind(Path.of("/srv/config"), "/etc/app", true));
        assertThat(VolumeSpec.parse("/srv//data/:/data/"))
                .isEqualTo(new VolumeSpec.Bind(Path.of("/srv/data"), "/data", false));
    }

    @Test
    void nameSourceIsANamedVolume() throws Exception {
        assertThat(VolumeSpec.parse("logs:/var/log/app")).isEqualTo(new VolumeSpec.Named("logs", "/var/log/app", false));
        assertThat(VolumeSpec.parse("db.data_1-x:/d:rw")).isEqualTo(new VolumeSpec.Named("db.data_1-x", "/d", false));
        assertThat(VolumeSpec.parse("a:/d:ro,ro").readOnly()).isTrue();
    }

    @Test
    void convertsToTheCoreVocabulary() throws Exception {
        assertThat(VolumeSpec.parse("/h:/c:ro").toVolume()).isEqualTo(new Volume.HostDir(Path.of("/h"), "/c", true));
        assertThat(VolumeSpec.parse("n:/c").toVolume()).isEqualTo(new Volume.Named("n", "/c", false));
    }

    @ParameterizedTest(name = "[{index}] -v {0}")
    @CsvSource(delimiter = '|', value = {
        "''                 | -v '': empty volume spec; use HOSTDIR:DIR[:ro] (absolute host path) or NAME:DIR[:ro]",
        "/data              | -v '/data': anonymous volumes are not supported; use HOSTDIR:DIR[:ro] (absolute host path) or NAME:DIR[:ro]",
        "a:/b:ro:x          | -v 'a:/b:ro:x': too many ':' separators; use HOSTDIR:DIR[:ro] (absolute host path) or NAME:DIR[:ro]",
        ":/b                | -v ':/b': source is empty; use HOSTDIR:DIR[:ro] (absolute host path) or NAME:DIR[:ro]",
        "./conf:/etc/app    | -v './conf:/etc/app': host directory './conf' must be an absolute path",
        "conf/x:/etc/app    | -v 'conf/x:/etc/app': host directory 'conf/x' must be an absolute path",
        "~/x:/etc/app       | -v '~/x:/etc/app': host directory '~/x' must be an absolute path",
        "-bad:/d            | -v '-bad:/d': '-bad' is neither an absolute host path nor a valid volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)",
        "logs:var/log       | -v 'logs:var/log': container path 'var/log' must be absolute",
        "logs:              | -v 'logs:': container path '' must be absolute",
        "logs:/a/../etc     | -v 'logs:/a/../etc': container path '/a/../etc' must not contain '..'",
        "logs:/             | -v 'logs:/': cannot mount a volume over the container's root '/'",
        "logs:/d:z          | -v 'logs:/d:z': unknown option 'z'; use ro or rw",
        "logs:/d:           | -v 'logs:/d:': unknown option ''; use ro or rw",
        "logs:/d:ro,rw      | -v 'logs:/d:ro,rw': options 'ro' and 'rw' contradict each other",
    })
    void invalidSpecsGiveOneClearLine(String spec, String message) {
        assertThatThrownBy(() -> VolumeSpec.parse(spec))
                .isInstanceOf(VolumeException.InvalidSpec.class)
                .hasMessage(message);
    }

    @Test
    void volumeNameRule() {
        assertThat(VolumeName.isValid("a")).isTrue();
        assertThat(VolumeName.isValid("A9_.-")).isTrue();
        assertThat(VolumeName.isValid(".hidden")).isFalse();
        assertThat(VolumeName.isValid("_x")).isFalse();
        assertThat(VolumeName.isValid("a/b")).isFalse();
        assertThat(VolumeName.isValid("")).isFalse();
        assertThat(VolumeName.isValid(null)).isFalse();
        assertThat(VolumeName.isValid("x".repeat(VolumeName.MAX_LENGTH + 1))).isFalse();
    }
}
