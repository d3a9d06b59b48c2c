package dev.cvbench.container.init;

import java.io.File;
import java.nio.file.Path;

/**
 * Where the container's stdio goes (cvinit's stdio is handed down to the container process):
 * pipes to the runtime (library API: {@code Container.stdout()}), the caller's own stdio
 * (foreground {@code cvrun run} and {@code exec}), or a log file under the state directory
 * (detached {@code create} / {@code run -d}; {@code <root>/<id>/container.log}).
 */
public sealed interface StdioSetup {
    void apply(ProcessBuilder pb);

    record Pipes() implements StdioSetup {
        @Override
        public void apply(ProcessBuilder pb) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
    }

    /** One pipe for stdout and stderr together, lines in the order the container wrote them. */
    record MergedPipes() implements StdioSetup {
        @Override
        public void apply(ProcessBuilder pb) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectErrorStream(true);
        }
    }

    record Inherit() implements StdioSetup {
        @Override
        public void apply(ProcessBuilder pb) {
            pb.inheritIO();
        }
    }

    record LogFile(Path file) implements StdioSetup {
        @Override
        public void apply(ProcessBuilder pb) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()));
            pb.redirectErrorStream(true);
        }
    }
}
