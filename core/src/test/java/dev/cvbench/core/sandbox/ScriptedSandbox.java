package dev.cvbench.core.sandbox;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A sandbox whose instances print scripted lines and exit with a scripted status; records what it launched. */
public final class ScriptedSandbox implements Sandbox {
    private final List<String> output;
    private final int exit;
    private final boolean hangs;
    public final List<InstanceSpec> launched = new ArrayList<>();

    public ScriptedSandbox(List<String> output, int exit, boolean hangs) {
        this.output = output;
        this.exit = exit;
        this.hangs = hangs;
    }

    @Override
    public SandboxKind kind() {
        return SandboxKind.CONTAINER;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.AGENT);
    }

    @Override
    public Map<String, String> facts() {
        return Map.of();
    }

    @Override
    public Instance launch(InstanceSpec spec) {
        launched.add(spec);
        long t = 1_000;
        List<ConsoleLine> lines = new ArrayList<>();
        for (String s : output) {
            lines.add(new ConsoleLine(t += 1_000_000, s));
        }
        List<PhaseMark> phases = List.of(new PhaseMark(PhaseMark.LAUNCH_REQUESTED, 1_000), new PhaseMark(PhaseMark.EXITED, t + 1_000_000));
        return new Instance() {
            @Override
            public String id() {
                return "scripted";
            }

            @Override
            public SandboxKind kind() {
                return SandboxKind.CONTAINER;
            }

            @Override
            public List<ConsoleLine> lines() {
                return lines;
            }

            @Override
            public ConsoleLine waitFor(Pattern pattern, Duration timeout) throws TimeoutException {
                return lines.stream().filter(l -> pattern.matcher(l.text()).find()).findFirst()
                        .orElseThrow(() -> new TimeoutException("no match"));
            }

            @Override
            public int waitForExit(Duration timeout) throws TimeoutException {
                if (hangs) {
                    throw new TimeoutException("hangs");
                }
                return exit;
            }

            @Override
            public OptionalInt exitCode() {
                return hangs ? OptionalInt.empty() : OptionalInt.of(exit);
            }

            @Override
            public Optional<InetAddress> address() {
                return Optional.empty();
            }

            @Override
            public List<PhaseMark> phases() {
                return phases;
            }

            @Override
            public Footprint memoryFootprint() {
                return Footprint.unknown();
            }

            @Override
            public void stop(Duration grace) {}

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {}
}
