package dev.cvbench.container.volume;

import java.nio.file.Path;

/** The rules behind {@link VolumeSpec#parse(String)}, one small check each. */
final class VolumeSpecParser {
    private static final String FORMS = "use HOSTDIR:DIR[:ro] (absolute host path) or NAME:DIR[:ro]";

    private VolumeSpecParser() {}

    static VolumeSpec parse(String spec) throws VolumeException.InvalidSpec {
        if (spec == null || spec.isBlank()) {
            throw new VolumeException.InvalidSpec(String.valueOf(spec), "empty volume spec; " + FORMS);
        }
        String[] parts = spec.split(":", -1);
        if (parts.length < 2) {
            throw new VolumeException.InvalidSpec(spec, "anonymous volumes are not supported; " + FORMS);
        }
        if (parts.length > 3) {
            throw new VolumeException.InvalidSpec(spec, "too many ':' separators; " + FORMS);
        }
        String target = target(spec, parts[1]);
        boolean readOnly = parts.length == 3 && readOnly(spec, parts[2]);
        String source = parts[0];
        if (source.isEmpty()) {
            throw new VolumeException.InvalidSpec(spec, "source is empty; " + FORMS);
        }
        if (source.startsWith("/")) {
            return new VolumeSpec.Bind(Path.of(source).normalize(), target, readOnly);
        }
        if (source.contains("/") || source.startsWith(".") || source.startsWith("~")) {
            throw new VolumeException.InvalidSpec(spec, "host directory '" + source + "' must be an absolute path");
        }
        if (!VolumeName.isValid(source)) {
            throw new VolumeException.InvalidSpec(spec, "'" + source + "' is neither an absolute host path nor a "
                    + "valid volume name ([a-zA-Z0-9][a-zA-Z0-9_.-]*)");
        }
        return new VolumeSpec.Named(source, target, readOnly);
    }

    private static String target(String spec, String target) throws VolumeException.InvalidSpec {
        if (!target.startsWith("/")) {
            throw new VolumeException.InvalidSpec(spec, "container path '" + target + "' must be absolute");
        }
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                throw new VolumeException.InvalidSpec(spec, "container path '" + target + "' must not contain '..'");
            }
        }
        String normalised = Path.of(target).normalize().toString();
        if (normalised.equals("/")) {
            throw new VolumeException.InvalidSpec(spec, "cannot mount a volume over the container's root '/'");
        }
        return normalised;
    }

    private static boolean readOnly(String spec, String options) throws VolumeException.InvalidSpec {
        Boolean readOnly = null;
        for (String option : options.split(",", -1)) {
            boolean ro = switch (option) {
                case "ro" -> true;
                case "rw" -> false;
                default -> throw new VolumeException.InvalidSpec(spec, "unknown option '" + option + "'; use ro or rw");
            };
            if (readOnly != null && readOnly != ro) {
                throw new VolumeException.InvalidSpec(spec, "options 'ro' and 'rw' contradict each other");
            }
            readOnly = ro;
        }
        return readOnly != null && readOnly;
    }
}
