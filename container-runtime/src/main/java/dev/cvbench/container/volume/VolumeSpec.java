package dev.cvbench.container.volume;

import dev.cvbench.core.sandbox.Volume;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A docker-style {@code -v} argument, parsed. The source decides the kind: an absolute path is a bind
 * mount of a host directory, anything else must be a volume name.
 *
 * <pre>{@code
 * VolumeSpec.parse("/srv/config:/etc/app:ro");  // Bind[/srv/config -> /etc/app, read-only]
 * VolumeSpec.parse("logs:/var/log/app");        // Named[logs -> /var/log/app, read-write]
 * VolumeSpec.parse("./config:/etc/app");        // InvalidSpec: host directory must be an absolute path
 * }</pre>
 * Options after the second colon are a comma-separated list of {@code ro} or {@code rw}.
 */
public sealed interface VolumeSpec {
    /** Where the volume appears inside the container: an absolute, normalised path other than {@code /}. */
    String target();

    boolean readOnly();

    /** The same volume in the core sandbox vocabulary. */
    Volume toVolume();

    /** A host directory bind-mounted at {@code target}. */
    record Bind(Path hostPath, String target, boolean readOnly) implements VolumeSpec {
        public Bind {
            Objects.requireNonNull(hostPath, "hostPath");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Volume toVolume() {
            return new Volume.HostDir(hostPath, target, readOnly);
        }
    }

    /** A named volume from the {@link VolumeStore}, created on first use, mounted at {@code target}. */
    record Named(String name, String target, boolean readOnly) implements VolumeSpec {
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }

        @Override
        public Volume toVolume() {
            return new Volume.Named(name, target, readOnly);
        }
    }

    /**
     * Parses {@code SOURCE:TARGET[:OPTIONS]}.
     *
     * @throws VolumeException.InvalidSpec with one line saying what is wrong and the accepted forms
     */
    static VolumeSpec parse(String spec) throws VolumeException.InvalidSpec {
        return VolumeSpecParser.parse(spec);
    }
}
