package dev.cvbench.container.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * runc's {@code --log}/{@code --log-format}: one line per event appended to a file, either
 * logfmt-like text ({@code time="..." level=error msg="..."}) or JSON ({@code {"level":..,"msg":..,"time":..}}),
 * the form containerd reads back. Without --log nothing is written.
 */
final class CliLog {
    enum Format { text, json }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Format format;

    CliLog(Path file, Format format) {
        this.file = file;
        this.format = format == null ? Format.text : format;
    }

    void info(String msg) {
        write("info", msg);
    }

    void error(String msg) {
        write("error", msg);
    }

    String render(String level, String msg, Instant time) {
        if (format == Format.json) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("level", level);
            m.put("msg", msg);
            m.put("time", time.toString());
            try {
                return JSON.writeValueAsString(m);
            } catch (IOException e) {
                throw new IllegalStateException("a string map always serializes", e);
            }
        }
        return "time=\"" + time + "\" level=" + level + " msg=\"" + msg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void write(String level, String msg) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(file, render(level, msg, Instant.now()) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("cvrun: cannot write log " + file + ": " + e.getMessage());
        }
    }
}
