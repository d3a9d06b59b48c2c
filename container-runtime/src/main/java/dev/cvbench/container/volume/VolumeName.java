package dev.cvbench.container.volume;

import java.util.regex.Pattern;

/** The rule for named volumes, as docker has it: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]*}, used as a directory name. */
public final class VolumeName {
    /** Longest name accepted: a directory name must fit in 255 bytes. */
    public static final int MAX_LENGTH = 128;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

    private VolumeName() {}

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** Returns {@code name} if valid. */
    public static String requireValid(String name) throws VolumeException.InvalidName {
        if (!isValid(name)) {
            throw new VolumeException.InvalidName(name);
        }
        return name;
    }
}
