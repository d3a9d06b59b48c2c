package dev.cvbench.core.wire;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes {@code CVBENCH} lines. JDK-only on purpose: agents run in a jlinked JRE inside containers and
 * TCG-emulated VMs, where every class loaded at start-up costs time, so they must not pull in Jackson.
 * Supports the JSON the wire format needs: objects, arrays, strings, finite numbers, booleans and null.
 */
public final class AgentWriter {
    private final PrintStream out;

    public AgentWriter(PrintStream out) {
        this.out = out;
    }

    public void ready() {
        emit(WireFormat.READY, Map.of());
    }

    public void ready(Map<String, ?> fields) {
        emit(WireFormat.READY, fields);
    }

    /** One sample of a metric. */
    public void sample(String metric, String unit, String direction, int iteration, double value, Map<String, ?> tags) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("metric", metric);
        f.put("unit", unit);
        f.put("direction", direction);
        f.put("iteration", iteration);
        f.put("value", value);
        if (tags != null && !tags.isEmpty()) {
            f.put("tags", tags);
        }
        emit(WireFormat.SAMPLE, f);
    }

    public void result(Map<String, ?> fields) {
        emit(WireFormat.RESULT, fields);
    }

    public void error(String message) {
        emit(WireFormat.ERROR, Map.of("message", message));
    }

    /** Writes one message line and flushes, so the driver sees it with an accurate arrival time. */
    public void emit(String type, Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder(128).append(WireFormat.PREFIX).append("{\"type\":");
        string(sb, type);
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (e.getKey().equals("type")) {
                continue;
            }
            sb.append(',');
            string(sb, e.getKey());
            sb.append(':');
            value(sb, e.getValue());
        }
        sb.append('}');
        synchronized (out) {
            out.println(sb);
            out.flush();
        }
    }

    /** JSON text of one value, for tests and for agents that build nested results. */
    public static String toJson(Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value);
        return sb.toString();
    }

    private static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a finite number: " + d);
            }
            sb.append(Double.toString(d));
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                value(sb, e.getValue());
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                value(sb, it.next());
                if (it.hasNext()) {
                    sb.append(',');
                }
            }
            sb.append(']');
        } else if (v instanceof double[] a) {
            sb.append('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(sb, a[i]);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
