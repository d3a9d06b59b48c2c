package dev.cvbench.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleResolverTest {
    @TempDir
    Path dir;

    private static List<String> sampleDep() throws Exception {
        try (InputStream in = ModuleResolverTest.class.getResourceAsStream("modules.dep")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void parsesModulesDepIntoNames() throws Exception {
        Map<String, List<String>> deps = ModuleResolver.parseModulesDep(sampleDep());
        assertThat(deps.get("virtio_net")).containsExactly("net_failover", "failover", "virtio_ring", "virtio");
        assertThat(deps.get("virtio_console")).containsExactly("virtio_ring", "virtio");
        assertThat(deps.get("virtio")).isEmpty();
    }

    @Test
    void ordersDependenciesFirstEachOnceSkippingBuiltins() throws Exception {
        Map<String, List<String>> deps = ModuleResolver.parseModulesDep(sampleDep());
        ModuleResolver r = new ModuleResolver(dir);
        List<String> order = r.order(List.of("virtio_pci", "virtio_net", "virtio-console"), Set.of("virtio_ring"),
                deps.keySet(), n -> deps.getOrDefault(n, List.of()));
        assertThat(order).containsExactly("virtio_pci_legacy_dev", "virtio_pci_modern_dev", "virtio", "virtio_pci",
                "failover", "net_failover", "virtio_net", "virtio_console");
        for (String m : order) {
            for (String d : deps.get(m)) {
                assertThat(order.indexOf(d)).as("%s before %s", d, m).isLessThan(order.indexOf(m));
            }
        }
    }

    @Test
    void aMissingDependencyIsNamed() throws Exception {
        Map<String, List<String>> deps = ModuleResolver.parseModulesDep(sampleDep());
        assertThatThrownBy(() -> new ModuleResolver(dir).order(List.of("9p"), Set.of(), deps.keySet(),
                n -> deps.getOrDefault(n, List.of()))).isInstanceOf(VmException.ModuleNotFound.class)
                .hasMessageContaining("'9pnet'");
    }

    @Test
    void resolvesFromFilesModulesBuiltinAndModulesDep() throws Exception {
        Files.write(dir.resolve("modules.dep"), sampleDep());
        Files.writeString(dir.resolve("modules.builtin"), "kernel/drivers/virtio/virtio.ko\n"
                + "kernel/drivers/virtio/virtio_ring.ko\n");
        for (String f : List.of("kernel/net/core/failover.ko", "kernel/drivers/net/net_failover.ko",
                "kernel/drivers/net/virtio_net.ko")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "elf");
        }
        List<KernelModule> mods = new ModuleResolver(dir).resolve(List.of("virtio_net"));
        assertThat(mods).extracting(KernelModule::name).containsExactly("failover", "net_failover", "virtio_net");
        assertThat(mods.get(2).file()).isEqualTo(dir.resolve("kernel/drivers/net/virtio_net.ko"));
    }

    @Test
    void fallsBackToModinfoWhenThereIsNoModulesDep() throws Exception {
        Files.createDirectories(dir.resolve("kernel"));
        Files.write(dir.resolve("kernel/a.ko"), ModInfoTest.elfWithModinfo("name=a", "depends=b-dash"));
        Files.write(dir.resolve("kernel/b-dash.ko"), ModInfoTest.elfWithModinfo("name=b_dash", "depends="));
        assertThat(new ModuleResolver(dir).resolve(List.of("a"))).extracting(KernelModule::name)
                .containsExactly("b_dash", "a");
    }

    @Test
    void moduleNamesFromFiles() {
        assertThat(KernelModule.nameOf("kernel/drivers/net/virtio-net.ko.xz")).isEqualTo("virtio_net");
        assertThat(KernelModule.nameOf("9p.ko")).isEqualTo("9p");
    }
}
