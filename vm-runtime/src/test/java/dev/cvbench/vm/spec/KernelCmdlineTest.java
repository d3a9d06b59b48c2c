package dev.cvbench.vm.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cvbench.vm.VmException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KernelCmdlineTest {
    @Test
    void encodesArgvElementsSeparatelySoSpacesAndQuotesSurvive() throws Exception {
        List<String> argv = List.of("sh", "-c", "echo \"a b\" 'c,d'\nx", "");
        VmSpec s = VmSpecTest.valid().argv(argv).build();
        String line = KernelCmdline.of(s);
        assertThat(line).startsWith("console=ttyS0 panic=-1 quiet cvbench.argv=").doesNotContain("echo");
        String encoded = line.substring(line.indexOf("cvbench.argv=") + "cvbench.argv=".length());
        assertThat(encoded).doesNotContain(" ");
        assertThat(KernelCmdline.decodeList(encoded)).isEqualTo(argv);
    }

    @Test
    void carriesEnvironmentHostnameAndAddressInAFixedOrder() throws Exception {
        VmSpec s = VmSpecTest.valid().quietKernel(false).cmdlineExtra("mitigations=off").hostname("g1")
                .env("B", "2").env("A", "x=y")
                .network(new VmNetwork.Bridge("cvbench0", Optional.empty(),
                        Optional.of(GuestAddress.parse("10.88.0.5/16,10.88.0.1"))))
                .argv(List.of("true")).build();
        assertThat(KernelCmdline.of(s)).isEqualTo("console=ttyS0 panic=-1 mitigations=off cvbench.hostname=g1"
                + " cvbench.ip=10.88.0.5/16,10.88.0.1 cvbench.env=QT14PXk=,Qj0y cvbench.argv=dHJ1ZQ==");
    }

    @Test
    void refusesALineOverTheX86Limit() throws Exception {
        VmSpec s = VmSpecTest.valid().argv(List.of("x".repeat(1600))).build();
        assertThatThrownBy(() -> KernelCmdline.of(s)).isInstanceOf(VmException.CommandLineTooLong.class)
                .hasMessageContaining("2047");
    }

    @Test
    void aLineExactlyAtTheLimitPasses() throws Exception {
        String base = KernelCmdline.of(VmSpecTest.valid().argv(List.of("")).build());
        int room = KernelCmdline.MAX_LENGTH - base.length();
        // base64 of n bytes is 4*ceil(n/3) chars: pick n so the encoded length fills the room exactly
        int n = room / 4 * 3;
        String line = KernelCmdline.of(VmSpecTest.valid().argv(List.of("y".repeat(n))).build());
        assertThat(line.length()).isLessThanOrEqualTo(KernelCmdline.MAX_LENGTH).isGreaterThan(KernelCmdline.MAX_LENGTH - 4);
    }
}
