package dev.cvbench.vm.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cvbench.core.sandbox.ConsoleLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<ConsoleLine> out = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(out::add);

    private void feed(String s, long nanos) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.feed(b, 0, b.length, nanos);
    }

    @Test
    void aLineIsStampedWhenItsNewlineArrivesAndCrIsDropped() {
        feed("cvbench-i", 10);
        feed("nit: started\r\nsecond\r", 20);
        feed("\n", 30);
        assertThat(out).containsExactly(new ConsoleLine(20, "cvbench-init: started"), new ConsoleLine(30, "second"));
    }

    @Test
    void multiByteCharactersSplitAcrossChunksDecodeWhole() {
        byte[] b = "é\n".getBytes(StandardCharsets.UTF_8);
        splitter.feed(b, 0, 1, 1);
        splitter.feed(b, 1, 2, 2);
        assertThat(out).containsExactly(new ConsoleLine(2, "é"));
    }

    @Test
    void finishEmitsAnUnterminatedTailOnlyIfThereIsOne() {
        feed("a\nb", 5);
        splitter.finish(9);
        splitter.finish(10);
        assertThat(out).containsExactly(new ConsoleLine(5, "a"), new ConsoleLine(9, "b"));
    }
}
