package dev.cvbench.container.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits OCI mount options the way mount(8) and runc do: flag options become MS_* bits, the
 * propagation options a separate propagation mask (applied with a second mount call), and
 * everything else is filesystem data ({@code mode=755,size=65536k}).
 */
public final class MountOptions {
    public static final long MS_RDONLY = 1, MS_NOSUID = 2, MS_NODEV = 4, MS_NOEXEC = 8, MS_SYNCHRONOUS = 16,
            MS_REMOUNT = 32, MS_MANDLOCK = 64, MS_DIRSYNC = 128, MS_NOATIME = 1024, MS_NODIRATIME = 2048,
            MS_BIND = 4096, MS_REC = 16384, MS_UNBINDABLE = 1 << 17, MS_PRIVATE = 1 << 18, MS_SLAVE = 1 << 19,
            MS_SHARED = 1 << 20, MS_RELATIME = 1 << 21, MS_STRICTATIME = 1 << 24;

    /** Option -> (set?, flag). "set=false" clears the flag (e.g. rw clears MS_RDONLY). */
    private record Flag(boolean set, long bit) {}

    private static final Map<String, Flag> FLAGS = Map.ofEntries(
            Map.entry("ro", new Flag(true, MS_RDONLY)), Map.entry("rw", new Flag(false, MS_RDONLY)),
            Map.entry("nosuid", new Flag(true, MS_NOSUID)), Map.entry("suid", new Flag(false, MS_NOSUID)),
            Map.entry("nodev", new Flag(true, MS_NODEV)), Map.entry("dev", new Flag(false, MS_NODEV)),
            Map.entry("noexec", new Flag(true, MS_NOEXEC)), Map.entry("exec", new Flag(false, MS_NOEXEC)),
            Map.entry("sync", new Flag(true, MS_SYNCHRONOUS)), Map.entry("async", new Flag(false, MS_SYNCHRONOUS)),
            Map.entry("mand", new Flag(true, MS_MANDLOCK)), Map.entry("nomand", new Flag(false, MS_MANDLOCK)),
            Map.entry("dirsync", new Flag(true, MS_DIRSYNC)),
            Map.entry("noatime", new Flag(true, MS_NOATIME)), Map.entry("atime", new Flag(false, MS_NOATIME)),
            Map.entry("nodiratime", new Flag(true, MS_NODIRATIME)), Map.entry("diratime", new Flag(false, MS_NODIRATIME)),
            Map.entry("relatime", new Flag(true, MS_RELATIME)), Map.entry("norelatime", new Flag(false, MS_RELATIME)),
            Map.entry("strictatime", new Flag(true, MS_STRICTATIME)),
            Map.entry("nostrictatime", new Flag(false, MS_STRICTATIME)),
            Map.entry("bind", new Flag(true, MS_BIND)), Map.entry("rbind", new Flag(true, MS_BIND | MS_REC)));

    private static final Map<String, Long> PROPAGATION = Map.of("private", MS_PRIVATE, "rprivate", MS_PRIVATE | MS_REC,
            "shared", MS_SHARED, "rshared", MS_SHARED | MS_REC, "slave", MS_SLAVE, "rslave", MS_SLAVE | MS_REC,
            "unbindable", MS_UNBINDABLE, "runbindable", MS_UNBINDABLE | MS_REC);

    /** The result: kernel flags, propagation flags, and the data string. */
    public record Parsed(long flags, long propagation, String data) {}

    private MountOptions() {}

    public static Parsed parse(List<String> options) {
        long flags = 0;
        long propagation = 0;
        List<String> data = new ArrayList<>();
        for (String o : options == null ? List.<String>of() : options) {
            Flag f = FLAGS.get(o);
            if (f != null) {
                flags = f.set() ? flags | f.bit() : flags & ~f.bit();
            } else if (PROPAGATION.containsKey(o)) {
                propagation |= PROPAGATION.get(o);
            } else {
                data.add(o);
            }
        }
        return new Parsed(flags, propagation, String.join(",", data));
    }
}
