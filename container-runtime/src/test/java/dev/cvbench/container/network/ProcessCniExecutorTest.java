package dev.cvbench.container.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process protocol, against a shell script standing in for a plugin (no root needed). */
class ProcessCniExecutorTest {
    @TempDir
    Path bin;

    private ProcessCniExecutor executor;

    @BeforeEach
    void setUp() throws Exception {
        Path plugin = bin.resolve("fake");
        Files.writeString(plugin, """
                #!/bin/sh
                d=$(dirname "$0")
                cat > "$d/stdin.json"
                env | grep '^CNI_' | sort > "$d/env.txt"
                case "$CNI_CONTAINERID" in
                  bad) echo '{"cniVersion":"1.0.0","code":7,"msg":"invalid network config","details":"no bridge"}'; exit 1 ;;
                  crash) echo 'goroutine panic' >&2; exit 2 ;;
                  garbage) echo 'hello'; exit 0 ;;
                esac
                [ "$CNI_COMMAND" = DEL ] && exit 0
                echo '{"cniVersion":"1.0.0","ips":[{"address":"10.213.0.9/24","gateway":"10.213.0.1"}]}'
                """);
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwxr-xr-x"));
        executor = new ProcessCniExecutor(bin);
    }

    private static CniExecutor.CniRequest request(CniCommand command, String id, String netns) throws Exception {
        return new CniExecutor.CniRequest(command, id, netns, "eth0",
                CniConfigs.mapper().readTree("{\"cniVersion\":\"1.0.0\",\"name\":\"t\",\"type\":\"fake\"}"));
    }

    @Test
    void passesParametersInTheEnvironmentAndConfigOnStdin() throws Exception {
        JsonNode result = executor.invoke("fake", request(CniCommand.ADD, "web1", "/proc/1/ns/net"));

        assertThat(result.at("/ips/0/address").asText()).isEqualTo("10.213.0.9/24");
        assertThat(Files.readAllLines(bin.resolve("env.txt"))).containsExactly(
                "CNI_COMMAND=ADD", "CNI_CONTAINERID=web1", "CNI_IFNAME=eth0", "CNI_NETNS=/proc/1/ns/net",
                "CNI_PATH=" + bin);
        assertThat(Files.readString(bin.resolve("stdin.json")))
                .isEqualTo("{\"cniVersion\":\"1.0.0\",\"name\":\"t\",\"type\":\"fake\"}");
    }

    @Test
    void delWithoutNetnsLeavesItUnsetAndMayPrintNothing() throws Exception {
        JsonNode result = executor.invoke("fake", request(CniCommand.DEL, "web1", null));
        assertThat(result.isEmpty()).isTrue();
        assertThat(Files.readString(bin.resolve("env.txt"))).contains("CNI_COMMAND=DEL").doesNotContain("CNI_NETNS");
    }

    @Test
    void errorsBecomePluginFailed() throws Exception {
        assertThatThrownBy(() -> executor.invoke("fake", request(CniCommand.ADD, "bad", "/x")))
                .isInstanceOf(NetworkException.PluginFailed.class)
                .hasMessage("CNI fake ADD for 'bad' failed (code 7): invalid network config (no bridge)");
        assertThatThrownBy(() -> executor.invoke("fake", request(CniCommand.ADD, "crash", "/x")))
                .isInstanceOf(NetworkException.PluginFailed.class)
                .hasMessage("CNI fake ADD for 'crash' failed (code -1): goroutine panic");
        assertThatThrownBy(() -> executor.invoke("fake", request(CniCommand.ADD, "garbage", "/x")))
                .isInstanceOf(NetworkException.BadResult.class).hasMessageContaining("printed no JSON object: hello");
    }

    @Test
    void missingPluginSaysWhatToInstall() {
        assertThatThrownBy(() -> executor.invoke("absent", request(CniCommand.ADD, "a", "/x")))
                .isInstanceOf(NetworkException.PluginMissing.class)
                .hasMessage("CNI plugin " + bin.resolve("absent") + " not found or not executable: install Debian "
                        + "package 'containernetworking-plugins' or set the CNI bin dir");
    }
}
