package dev.cvbench.core.workload;

import dev.cvbench.core.result.Direction;
import dev.cvbench.core.result.Measurement;
import dev.cvbench.core.result.Metric;
import dev.cvbench.core.sandbox.ConsoleLine;
import dev.cvbench.core.sandbox.Instance;
import dev.cvbench.core.sandbox.InstanceSpec;
import dev.cvbench.core.sandbox.Sandbox;
import dev.cvbench.core.sandbox.SandboxException;
import dev.cvbench.core.wire.AgentMessage;
import dev.cvbench.core.wire.WireException;
import dev.cvbench.core.wire.WireFormat;
import dev.cvbench.core.wire.WireParser;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * Runs one agent instance to completion and collects its messages: the common path of most workloads.
 * Any failure (launch refused, timeout, non-zero exit, an {@code error} message, a garbled or missing
 * result line) becomes a {@link WorkloadException} naming the workload and sandbox, with the last lines.
 */
public final class AgentRun {
    /** Lines kept in error messages. */
    public static final int TAIL = 15;

    private final String workload;
    private final String sandbox;
    private final List<ConsoleLine> lines;
    private final List<AgentMessage> messages;
    private final Instance instance;

    private AgentRun(String workload, String sandbox, Instance instance, List<ConsoleLine> lines, List<AgentMessage> messages) {
        this.workload = workload;
        this.sandbox = sandbox;
        this.instance = instance;
        this.lines = lines;
        this.messages = messages;
    }

    /** Launches {@code spec}, waits for it to exit, and checks that it printed a {@code result} line. */
    public static AgentRun execute(String workload, Sandbox sandbox, InstanceSpec spec)
            throws WorkloadException, InterruptedException {
        String where = workload + " in " + sandbox.kind();
        try (Instance instance = sandbox.launch(spec)) {
            int exit;
            try {
                exit = instance.waitForExit(spec.timeout());
            } catch (TimeoutException e) {
                throw new WorkloadException(where + ": no exit within " + spec.timeout().toSeconds() + " s", tail(instance.lines()));
            }
            List<ConsoleLine> lines = instance.lines();
            List<AgentMessage> messages;
            try {
                messages = WireParser.parseAll(lines);
            } catch (WireException e) {
                throw new WorkloadException(where + ": " + e.getMessage(), tail(lines), e);
            }
            for (AgentMessage m : messages) {
                if (m.is(WireFormat.ERROR)) {
                    throw new WorkloadException(where + ": agent error: " + m.text("message"), tail(lines));
                }
            }
            if (exit != 0) {
                throw new WorkloadException(where + ": agent exited with status " + exit, tail(lines));
            }
            if (messages.stream().noneMatch(m -> m.is(WireFormat.RESULT))) {
                throw new WorkloadException(where + ": agent printed no result line", tail(lines));
            }
            return new AgentRun(workload, sandbox.kind().id(), instance, lines, messages);
        } catch (SandboxException e) {
            throw new WorkloadException(where + ": " + e.getMessage(), List.of(), e);
        }
    }

    public List<AgentMessage> messages() {
        return messages;
    }

    public List<ConsoleLine> lines() {
        return lines;
    }

    /** The instance, already closed; its phases and exit code remain readable. */
    public Instance instance() {
        return instance;
    }

    public AgentMessage result() {
        return messages.stream().filter(m -> m.is(WireFormat.RESULT)).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Groups the {@code sample} messages into one {@link Measurement} per (metric, tags), values in
     * iteration order.
     */
    public List<Measurement> measurements() throws WorkloadException {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Map<String, Map<String, String>> tagsByKey = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Double>> values = new LinkedHashMap<>();
        try {
            for (AgentMessage m : messages) {
                if (!m.is(WireFormat.SAMPLE)) {
                    continue;
                }
                Metric metric = new Metric(m.text("metric"), m.text("unit"), Direction.fromId(m.text("direction")), "");
                Map<String, String> tags = new TreeMap<>();
                m.body().path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                String key = metric.name() + tags;
                metrics.putIfAbsent(key, metric);
                tagsByKey.putIfAbsent(key, tags);
                values.computeIfAbsent(key, k -> new TreeMap<>()).put((int) m.number("iteration"), m.number("value"));
            }
        } catch (RuntimeException e) {
            throw new WorkloadException(workload + " in " + sandbox + ": bad sample: " + e.getMessage(), tail(lines), e);
        }
        List<Measurement> out = new ArrayList<>();
        for (String key : metrics.keySet()) {
            out.add(new Measurement(metrics.get(key), new ArrayList<>(values.get(key).values()), tagsByKey.get(key)));
        }
        return out;
    }

    /** The last {@link #TAIL} lines, for error messages. */
    public static List<String> tail(List<ConsoleLine> lines) {
        List<String> out = new ArrayList<>();
        Iterator<ConsoleLine> it = lines.subList(Math.max(0, lines.size() - TAIL), lines.size()).iterator();
        while (it.hasNext()) {
            out.add(it.next().text());
        }
        return out;
    }
}
