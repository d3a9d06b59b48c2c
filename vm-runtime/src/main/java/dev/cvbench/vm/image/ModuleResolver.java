package dev.cvbench.vm.image;

import dev.cvbench.vm.VmException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Decides which kernel modules the initramfs must carry, and in which order /init loads them with busybox
 * {@code insmod} (which, unlike {@code modprobe}, does not follow dependencies): every wanted module that is not
 * built into the kernel, preceded by its dependencies, each module once.
 *
 * <p>Built-in modules are listed in {@code modules.builtin} (one path per line,
 * {@code kernel/drivers/virtio/virtio.ko}). Dependencies come from {@code modules.dep} when it exists
 * ({@code kernel/drivers/net/virtio_net.ko: kernel/drivers/net/net_failover.ko kernel/net/core/failover.ko}),
 * otherwise from each module's own {@code .modinfo} (a kernel unpacked with {@code dpkg -x} has no modules.dep).
 */
public final class ModuleResolver {
    /** What a cvbench guest needs for its NIC: the virtio PCI transport and virtio-net. */
    public static final List<String> VIRTIO_NET = List.of("virtio_pci", "virtio_net");

    private final Path modulesDir;

    /** @param modulesDir the kernel's {@code lib/modules/<version>} directory */
    public ModuleResolver(Path modulesDir) {
        this.modulesDir = modulesDir;
    }

    /**
     * The modules to load, dependencies first.
     *
     * @throws VmException.ModuleNotFound when a wanted module or a dependency is neither built in nor present
     */
    public List<KernelModule> resolve(Collection<String> wanted) throws VmException {
        Set<String> builtin = readBuiltin();
        Map<String, Path> files = indexFiles();
        Map<String, List<String>> deps = new HashMap<>();
        Path depFile = modulesDir.resolve("modules.dep");
        if (Files.isRegularFile(depFile)) {
            deps.putAll(parseModulesDep(readLines(depFile)));
        }
        Function<String, List<String>> depsOf = name -> deps.computeIfAbsent(name, n -> modinfoDeps(files.get(n)));
        List<String> ordered;
        try {
            ordered = order(wanted, builtin, files.keySet(), depsOf);
        } catch (IllegalStateException e) {
            throw new VmException.ImageBuildFailed(modulesDir, e.getMessage(), e.getCause());
        }
        List<KernelModule> out = new ArrayList<>();
        for (String name : ordered) {
            out.add(new KernelModule(name, files.get(name)));
        }
        return out;
    }

    /**
     * Orders {@code wanted} and their dependencies so each comes after what it needs (depth-first post-order),
     * dropping built-ins. A pure function, for tests.
     *
     * @param available names of module files present
     * @param depsOf a module's direct dependencies
     * @throws VmException.ModuleNotFound for a name neither built in nor available
     */
    public List<String> order(Collection<String> wanted, Set<String> builtin, Set<String> available,
            Function<String, List<String>> depsOf) throws VmException.ModuleNotFound {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String w : wanted) {
            visit(w.replace('-', '_'), builtin, available, depsOf, out, new HashSet<>());
        }
        return List.copyOf(out);
    }

    private void visit(String name, Set<String> builtin, Set<String> available, Function<String, List<String>> depsOf,
            LinkedHashSet<String> out, Set<String> path) throws VmException.ModuleNotFound {
        if (builtin.contains(name) || out.contains(name) || !path.add(name)) {
            return; // built in, already placed, or a dependency cycle (the kernel forbids them; be safe)
        }
        if (!available.contains(name)) {
            throw new VmException.ModuleNotFound(name, modulesDir);
        }
        for (String dep : depsOf.apply(name)) {
            visit(dep, builtin, available, depsOf, out, path);
        }
        out.add(name);
    }

    /** Parses modules.dep into module name -> direct dependency names. */
    public static Map<String, List<String>> parseModulesDep(List<String> lines) {
        Map<String, List<String>> deps = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            List<String> d = new ArrayList<>();
            for (String p : line.substring(colon + 1).trim().split("\\s+")) {
                if (!p.isEmpty()) {
                    d.add(KernelModule.nameOf(p));
                }
            }
            deps.put(KernelModule.nameOf(line.substring(0, colon)), d);
        }
        return deps;
    }

    private Set<String> readBuiltin() throws VmException {
        Path f = modulesDir.resolve("modules.builtin");
        Set<String> names = new HashSet<>();
        if (Files.isRegularFile(f)) {
            for (String line : readLines(f)) {
                if (!line.isBlank()) {
                    names.add(KernelModule.nameOf(line.trim()));
                }
            }
        }
        return names;
    }

    private Map<String, Path> indexFiles() throws VmException {
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(modulesDir)) {
            walk.filter(p -> p.getFileName().toString().contains(".ko") && Files.isRegularFile(p))
                    .forEach(p -> files.putIfAbsent(KernelModule.nameOf(p.getFileName().toString()), p));
        } catch (IOException e) {
            throw new VmException.ImageBuildFailed(modulesDir, "cannot list kernel modules in " + modulesDir
                    + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static List<String> modinfoDeps(Path file) {
        if (file == null) {
            return List.of();
        }
        try {
            return ModInfo.depends(new KernelModule(KernelModule.nameOf(file.toString()), file).plainBytes());
        } catch (VmException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<String> readLines(Path f) throws VmException {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new VmException.ImageBuildFailed(f, "cannot read " + f + ": " + e.getMessage(), e);
        }
    }
}
