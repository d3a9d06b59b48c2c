package dev.cvbench.container.init;

import dev.cvbench.container.cgroups.CgroupLayout;
import dev.cvbench.container.config.ContainerConfig;
import dev.cvbench.container.config.ContainerConfig.MountConfig;
import dev.cvbench.container.config.ContainerConfig.NamespaceConfig;
import dev.cvbench.container.config.MountOptions;
import dev.cvbench.container.config.NamespaceType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a {@link ContainerConfig} in cvinit's line format: {@code key arg arg ...}, one space
 * between arguments, each argument percent-encoded ({@code %XX} for bytes up to space, '%' and
 * from 0x7f), ended by {@code END}. Numbers (mount flags, rlimit ids, capability masks) are
 * computed here, so the C side only parses. Example:
 *
 * <pre>
 * mode create
 * rootfs /run/cvbench/web/rootfs 0
 * arg /bin/sh
 * arg -c
 * arg echo%20hi
 * ns pid
 * mount proc /proc proc 14 0
 * END
 * </pre>
 */
public final class InitConfigEncoder {
    private InitConfigEncoder() {}

    public static String encode(ContainerConfig c, InitOptions o, CgroupLayout layout) {
        StringBuilder sb = new StringBuilder(1024);
        line(sb, "mode", o.exec() ? "exec" : "create");
        line(sb, "foreground", o.foreground() ? "1" : "0");
        if (!o.exec()) {
            line(sb, "rootfs", c.rootfs().toString(), c.readonlyRootfs() ? "1" : "0");
            c.hostname().ifPresent(h -> line(sb, "hostname", h));
        }
        var p = c.process();
        p.args().forEach(a -> line(sb, "arg", a));
        p.env().forEach(e -> line(sb, "env", e));
        line(sb, "cwd", p.cwd());
        line(sb, "user", Long.toString(p.uid()), Long.toString(p.gid()));
        p.additionalGids().forEach(g -> line(sb, "group", Long.toString(g)));
        p.rlimits().forEach(r -> line(sb, "rlimit", Integer.toString(r.resource()), Long.toUnsignedString(r.soft()),
                Long.toUnsignedString(r.hard())));
        var caps = p.capabilities();
        line(sb, "caps", Long.toUnsignedString(caps.bounding()), Long.toUnsignedString(caps.effective()),
                Long.toUnsignedString(caps.permitted()), Long.toUnsignedString(caps.inheritable()),
                Long.toUnsignedString(caps.ambient()));
        line(sb, "no_new_privs", p.noNewPrivileges() ? "1" : "0");
        for (NamespaceConfig ns : c.namespaces()) {
            line(sb, "ns", ns.type().procName(), ns.path().map(Object::toString).orElse(""));
        }
        if (!o.exec()) {
            boolean devTmpfs = false;
            for (MountConfig m : c.mounts()) {
                devTmpfs |= m.destination().equals("/dev");
                for (MountConfig expanded : expand(m, layout, c.createsNamespace(NamespaceType.CGROUP))) {
                    line(sb, "mount", expanded.source(), expanded.destination(), expanded.type(),
                            Long.toString(expanded.flags()), Long.toString(expanded.propagation()), expanded.data());
                }
            }
            line(sb, "devices", devTmpfs ? "1" : "0");
            c.maskedPaths().forEach(m -> line(sb, "mask", m));
            c.readonlyPaths().forEach(r -> line(sb, "readonly", r));
        }
        o.execFifo().ifPresent(f -> line(sb, "exec_fifo", f.toString()));
        o.exitFile().ifPresent(f -> line(sb, "exit_file", f.toString()));
        sb.append(InitProtocol.END).append('\n');
        return sb.toString();
    }

    /**
     * A {@code cgroup} mount becomes what the host has: on v2 one cgroup2 mount; on v1 a tmpfs
     * with one cgroup mount per controller hierarchy below it (as runc does). Other mounts pass.
     */
    static List<MountConfig> expand(MountConfig m, CgroupLayout layout, boolean ownCgroupNs) {
        if (!m.type().equals("cgroup")) {
            return List.of(m);
        }
        if (layout instanceof CgroupLayout.V2) {
            return List.of(new MountConfig("cgroup2", m.destination(), "cgroup2", m.flags(), m.propagation(), ""));
        }
        List<MountConfig> out = new ArrayList<>();
        long tmpfsFlags = m.flags() & ~MountOptions.MS_RDONLY;
        out.add(new MountConfig("tmpfs", m.destination(), "tmpfs", tmpfsFlags, 0, "mode=755"));
        Map<String, java.nio.file.Path> h = ((CgroupLayout.V1) layout).hierarchies();
        for (String controller : new TreeSet<>(h.keySet())) {
            out.add(new MountConfig("cgroup", m.destination() + "/" + controller, "cgroup", m.flags(), m.propagation(), controller));
        }
        return out;
    }

    static void line(StringBuilder sb, String key, String... args) {
        sb.append(key);
        for (String a : args) {
            sb.append(' ').append(percent(a));
        }
        sb.append('\n');
    }

    static String percent(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c == '%' || c >= 0x7f) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
