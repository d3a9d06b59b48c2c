package dev.cvbench.container.config;

import dev.cvbench.container.spec.Spec;
import java.math.BigInteger;
import java.util.List;

/** Rules for {@code ociVersion} and {@code process}. */
final class ProcessChecks {
    static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private ProcessChecks() {}

    static void ociVersion(Spec s, CheckContext ctx, Problems p) {
        if (s.ociVersion() == null || s.ociVersion().isBlank()) {
            p.add("ociVersion", "is required (e.g. \"1.0.2\")");
        } else if (!s.ociVersion().startsWith("1.")) {
            p.add("ociVersion", "version " + s.ociVersion() + " is not supported: only 1.x");
        }
    }

    static void process(Spec s, CheckContext ctx, Problems p) {
        if (s.process() == null) {
            p.add("process", "is required");
        }
    }

    static void args(Spec s, CheckContext ctx, Problems p) {
        if (s.process() != null && (s.process().args() == null || s.process().args().isEmpty())) {
            p.add("process.args", "must not be empty");
        } else if (s.process() != null && s.process().args().get(0).isEmpty()) {
            p.add("process.args[0]", "must not be empty");
        }
    }

    static void cwd(Spec s, CheckContext ctx, Problems p) {
        if (s.process() != null && (s.process().cwd() == null || !s.process().cwd().startsWith("/"))) {
            p.add("process.cwd", "must be an absolute path");
        }
    }

    static void terminal(Spec s, CheckContext ctx, Problems p) {
        if (s.process() != null && Boolean.TRUE.equals(s.process().terminal())) {
            p.add("process.terminal", "terminal=true is not supported by cvrun: set it to false");
        }
    }

    static void env(Spec s, CheckContext ctx, Problems p) {
        List<String> env = s.process() == null ? null : s.process().env();
        for (int i = 0; env != null && i < env.size(); i++) {
            if (env.get(i) == null || env.get(i).indexOf('=') <= 0) {
                p.add("process.env[" + i + "]", "must look like NAME=value");
            }
        }
    }

    static void user(Spec s, CheckContext ctx, Problems p) {
        Spec.User u = s.process() == null ? null : s.process().user();
        if (u == null) {
            return;
        }
        if (u.uid() != null && (u.uid() < 0 || u.uid() > 0xFFFFFFFEL)) {
            p.add("process.user.uid", "must be between 0 and 4294967294");
        }
        if (u.gid() != null && (u.gid() < 0 || u.gid() > 0xFFFFFFFEL)) {
            p.add("process.user.gid", "must be between 0 and 4294967294");
        }
        List<Long> gids = u.additionalGids() == null ? List.of() : u.additionalGids();
        if (gids.size() > 64) {
            p.add("process.user.additionalGids", "at most 64 groups are supported");
        }
    }

    static void rlimits(Spec s, CheckContext ctx, Problems p) {
        List<Spec.Rlimit> rl = s.process() == null ? null : s.process().rlimits();
        for (int i = 0; rl != null && i < rl.size(); i++) {
            Spec.Rlimit r = rl.get(i);
            String path = "process.rlimits[" + i + "]";
            if (r.type() == null || Rlimits.number(r.type()).isEmpty()) {
                p.add(path + ".type", "unknown rlimit '" + r.type() + "'");
            }
            if (r.soft() == null || r.hard() == null) {
                p.add(path, "soft and hard are required");
            } else if (r.soft().signum() < 0 || r.hard().compareTo(U64_MAX) > 0) {
                p.add(path, "values must be between 0 and 2^64-1");
            } else if (r.soft().compareTo(r.hard()) > 0) {
                p.add(path + ".soft", "must not exceed hard (" + r.hard() + ")");
            }
        }
    }

    static void capabilities(Spec s, CheckContext ctx, Problems p) {
        Spec.Capabilities c = s.process() == null ? null : s.process().capabilities();
        if (c == null) {
            return;
        }
        capSet("bounding", c.bounding(), p);
        capSet("effective", c.effective(), p);
        capSet("inheritable", c.inheritable(), p);
        capSet("permitted", c.permitted(), p);
        capSet("ambient", c.ambient(), p);
    }

    private static void capSet(String name, List<String> caps, Problems p) {
        for (int i = 0; caps != null && i < caps.size(); i++) {
            if (LinuxCapabilities.number(caps.get(i)).isEmpty()) {
                p.add("process.capabilities." + name + "[" + i + "]", "unknown capability '" + caps.get(i) + "'");
            }
        }
    }
}
