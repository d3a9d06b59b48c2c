package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.core.sandbox.Capability;
import dev.cvbench.core.sandbox.Command;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.IpcMode;
import dev.cvbench.core.sandbox.NetworkMode;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.sandbox.Volume;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a VM refuses by design, checked before anything boots. */
class VmSandboxRefusalTest {
    private static final Instance OTHER = (Instance) Proxy.newProxyInstance(Instance.class.getClassLoader(),
            new Class<?>[] {Instance.class}, (p, m, a) -> null);

    private static InstanceSpec.Builder spec() {
        return InstanceSpec.of(Command.exec("true"));
    }

    @Test
    void hostAndSharedNetworkingAreUnsupported() {
        assertThatThrownBy(() -> VmSandbox.refuseUnsupported(spec().network(NetworkMode.host()).build()))
                .isInstanceOfSatisfying(SandboxException.Unsupported.class, e -> assertThat(e.capability()).isEqualTo(Capability.NETWORK_HOST));
        assertThatThrownBy(() -> VmSandbox.refuseUnsupported(spec().network(NetworkMode.sharedWith(OTHER)).build()))
                .isInstanceOfSatisfying(SandboxException.Unsupported.class, e -> assertThat(e.capability()).isEqualTo(Capability.NETWORK_SHARE))
                .hasMessageContaining("over the bridge");
    }

    @Test
    void ipcSharingAndVolumesAreUnsupported() {
        assertThatThrownBy(() -> VmSandbox.refuseUnsupported(spec().ipc(IpcMode.sharedWith(OTHER)).build()))
                .isInstanceOfSatisfying(SandboxException.Unsupported.class, e -> assertThat(e.capability()).isEqualTo(Capability.IPC_SHARE));
        assertThatThrownBy(() -> VmSandbox.refuseUnsupported(spec().ipc(IpcMode.host()).build()))
                .isInstanceOf(SandboxException.Unsupported.class);
        assertThatThrownBy(() -> VmSandbox.refuseUnsupported(spec().volume(new Volume.HostDir(Path.of("/tmp"), "/data", false)).build()))
                .isInstanceOf(SandboxException.Unsupported.class).hasMessageContaining("network");
    }

    @Test
    void noneBridgeAndLimitsAreFine() {
        assertThatCode(() -> VmSandbox.refuseUnsupported(spec().network(NetworkMode.bridge()).cpus(2).memoryBytes(1L << 30).build()))
                .doesNotThrowAnyException();
        assertThatCode(() -> VmSandbox.refuseUnsupported(spec().build())).doesNotThrowAnyException();
    }
}
