package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CniErrorsTest {
    private static final CniExecutor.CniRequest ADD =
            new CniExecutor.CniRequest(CniCommand.ADD, "web1", "/run/netns/x", "eth0", null);

    @Test
    void errorObjectBecomesOneLine() {
        NetworkException.PluginFailed e = CniErrors.parse("bridge", ADD, 1, Golden.read("error-incompatible-version.json"), "");
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.plugin()).isEqualTo("bridge");
        assertThat(e.command()).isEqualTo(CniCommand.ADD);
        assertThat(e.cniMessage()).isEqualTo("incompatible CNI versions");
        assertThat(e.details()).startsWith("config is \"9.9.9\"");
        assertThat(e.getMessage()).startsWith("CNI bridge ADD for 'web1' failed (code 1): incompatible CNI versions (config is")
                .doesNotContain("\n");
    }

    @Test
    void errorWithoutDetails() {
        NetworkException.PluginFailed e = CniErrors.parse("host-local", ADD, 1, Golden.read("error-missing-env.json"), "");
        assertThat(e.code()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo(
                "CNI host-local ADD for 'web1' failed (code 4): required env variables [CNI_NETNS] missing");
        NetworkException.PluginFailed dup = CniErrors.parse("host-local", ADD, 1,
                Golden.read("error-duplicate-allocation.json"), "");
        assertThat(dup.code()).isEqualTo(999);
        assertThat(dup.cniMessage()).contains("duplicate allocation is not allowed");
        NetworkException.PluginFailed netns = CniErrors.parse("bridge", ADD, 1, Golden.read("error-netns-missing.json"), "");
        assertThat(netns.cniMessage()).startsWith("failed to open netns");
    }

    @Test
    void stderrIsUsedWhenStdoutIsNotAnErrorObject() {
        NetworkException.PluginFailed e = CniErrors.parse("bridge", ADD, 2, "", "panic: boom\n  at line 3\n");
        assertThat(e.code()).isEqualTo(-1);
        assertThat(e.cniMessage()).isEqualTo("panic: boom at line 3");
        NetworkException.PluginFailed silent = CniErrors.parse("bridge", ADD, 2, "", "");
        assertThat(silent.cniMessage()).isEqualTo("exited with status 2 and no message");
        NetworkException.PluginFailed text = CniErrors.parse("bridge", ADD, 2, "not json", "");
        assertThat(text.cniMessage()).isEqualTo("not json");
    }
}
