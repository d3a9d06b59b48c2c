package dev.cvbench.harness.sandbox.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuestOutputTest {
    private static final List<String> CONSOLE = List.of("cvbench-init: started", "[    1.2] virtio_net loaded", "cvbench-init: exec",
            "hi", "second line", "cvbench-init: exit 3", "[    2.0] reboot: Power down");

    private static List<String> shown(GuestOutput f, List<String> console) {
        return console.stream().map(f::accept).flatMap(Optional::stream).toList();
    }

    @Test
    void onlyTheCommandsOutput() {
        assertThat(shown(new GuestOutput(false), CONSOLE)).containsExactly("hi", "second line");
    }

    @Test
    void everythingOnRequest() {
        assertThat(shown(new GuestOutput(true), CONSOLE)).isEqualTo(CONSOLE);
    }

    @Test
    void outputWithoutFinalNewlineIsCutFromTheExitMarker() {
        assertThat(shown(new GuestOutput(false), List.of("cvbench-init: exec", "no newlinecvbench-init: exit 0", "after")))
                .containsExactly("no newline");
    }

    @Test
    void aCommandThatPrintsTheMarkerTextMidLineKeepsIt() {
        assertThat(shown(new GuestOutput(false), List.of("cvbench-init: exec", "say cvbench-init: exit 4 please", "cvbench-init: exit 0")))
                .containsExactly("say cvbench-init: exit 4 please");
    }
}
