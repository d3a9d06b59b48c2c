package dev.cvbench.container.config;

import dev.cvbench.container.InvalidConfigException;
import dev.cvbench.container.InvalidConfigException.ConfigError;
import dev.cvbench.container.config.ContainerConfig.CapabilitySets;
import dev.cvbench.container.config.ContainerConfig.MountConfig;
import dev.cvbench.container.config.ContainerConfig.NamespaceConfig;
import dev.cvbench.container.config.ContainerConfig.ProcessConfig;
import dev.cvbench.container.config.ContainerConfig.ResourceLimits;
import dev.cvbench.container.config.ContainerConfig.RlimitConfig;
import dev.cvbench.container.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an OCI {@link Spec} into a validated {@link ContainerConfig}: validate first, then convert. */
public final class SpecConverter {
    private SpecConverter() {}

    public static ContainerConfig convert(Spec spec, CheckContext ctx) throws InvalidConfigException {
        List<ConfigError> errors = SpecValidator.validate(spec, ctx);
        if (!errors.isEmpty()) {
            throw new InvalidConfigException(errors);
        }
        Spec.Linux linux = spec.linux() == null ? new Spec.Linux(null, null, null, null, null) : spec.linux();
        return new ContainerConfig(ctx.resolve(spec.root().path()), Boolean.TRUE.equals(spec.root().readonly()),
                Optional.ofNullable(spec.hostname()), process(spec.process()), mounts(spec.mounts(), ctx),
                namespaces(linux.namespaces(), ctx), resources(linux.resources()),
                Optional.ofNullable(linux.cgroupsPath()).filter(s -> !s.isEmpty()),
                orEmpty(linux.maskedPaths()), orEmpty(linux.readonlyPaths()),
                spec.annotations() == null ? Map.of() : spec.annotations());
    }

    static ProcessConfig process(Spec.Process p) {
        Spec.User u = p.user() == null ? new Spec.User(0L, 0L, null) : p.user();
        List<RlimitConfig> rlimits = new ArrayList<>();
        for (Spec.Rlimit r : orEmpty(p.rlimits())) {
            rlimits.add(new RlimitConfig(Rlimits.number(r.type()).orElseThrow(), r.soft().longValue(), r.hard().longValue()));
        }
        Spec.Capabilities c = p.capabilities();
        CapabilitySets caps = c == null ? CapabilitySets.NONE
                : new CapabilitySets(LinuxCapabilities.mask(c.bounding()), LinuxCapabilities.mask(c.effective()),
                        LinuxCapabilities.mask(c.permitted()), LinuxCapabilities.mask(c.inheritable()),
                        LinuxCapabilities.mask(c.ambient()));
        return new ProcessConfig(p.args(), orEmpty(p.env()), p.cwd(), u.uid() == null ? 0 : u.uid(),
                u.gid() == null ? 0 : u.gid(), orEmpty(u.additionalGids()), rlimits, caps,
                Boolean.TRUE.equals(p.noNewPrivileges()));
    }

    static List<MountConfig> mounts(List<Spec.Mount> mounts, CheckContext ctx) {
        List<MountConfig> out = new ArrayList<>();
        for (Spec.Mount m : orEmpty(mounts)) {
            MountOptions.Parsed o = MountOptions.parse(m.options());
            boolean bind = FilesystemChecks.isBind(m);
            long flags = bind ? o.flags() | MountOptions.MS_BIND : o.flags();
            String source = bind ? ctx.resolve(m.source()).toString() : (m.source() == null ? m.type() : m.source());
            out.add(new MountConfig(source, Path.of(m.destination()).normalize().toString(), bind ? "bind" : m.type(),
                    flags, o.propagation(), o.data()));
        }
        return out;
    }

    static List<NamespaceConfig> namespaces(List<Spec.Namespace> ns, CheckContext ctx) {
        List<NamespaceConfig> out = new ArrayList<>();
        for (Spec.Namespace n : orEmpty(ns)) {
            Optional<Path> path = n.path() == null || n.path().isEmpty() ? Optional.empty() : Optional.of(ctx.resolve(n.path()));
            out.add(new NamespaceConfig(NamespaceType.fromOci(n.type()).orElseThrow(), path));
        }
        return out;
    }

    static ResourceLimits resources(Spec.Resources r) {
        if (r == null) {
            return ResourceLimits.NONE;
        }
        Spec.Memory m = r.memory() == null ? new Spec.Memory(null, null) : r.memory();
        Spec.Cpu c = r.cpu() == null ? new Spec.Cpu(null, null, null, null, null) : r.cpu();
        return new ResourceLimits(positive(m.limit()), positive(m.swap()), positive(c.quota()), positive(c.period()),
                positive(c.shares()), Optional.ofNullable(c.cpus()).filter(s -> !s.isEmpty()),
                Optional.ofNullable(c.mems()).filter(s -> !s.isEmpty()), positive(r.pids() == null ? null : r.pids().limit()));
    }

    private static Optional<Long> positive(Long v) {
        return v == null || v <= 0 ? Optional.empty() : Optional.of(v);
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }
}
