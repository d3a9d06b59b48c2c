package dev.cvbench.harness.image;

import dev.cvbench.core.sandbox.Command;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where the agent lives inside the guest image and the argv that starts it. Containers and VMs use this; the
 * host sandbox runs the agent on the host's own JVM instead. A typical argv:
 * <pre>
 * /opt/cvbench/jre/bin/java -Xshare:auto -XX:SharedArchiveFile=/opt/cvbench/agent.jsa -XX:-UsePerfData
 *     -XX:TieredStopAtLevel=1 -XX:+UseSerialGC [caller flags]
 *     -cp /opt/cvbench/lib/cvbench-core.jar:/opt/cvbench/lib/cvbench-workloads.jar
 *     dev.cvbench.workload.Agent stream --size 64m
 * </pre>
 * The flags, and why:
 * <ul>
 *   <li>{@code -Xshare:auto}: map the CDS archive (pre-parsed JDK classes, {@code lib/server/classes.jsa})
 *       when it is valid, run without it when not; never fail start-up over it.</li>
 *   <li>{@code -XX:SharedArchiveFile}: the AppCDS archive of the agent's own classes, layered on the JDK
 *       archive (only when the image has one). It is valid only for the exact class path it was dumped with,
 *       which is why the class path lists the jars instead of {@code lib/*}.</li>
 *   <li>{@code -XX:-UsePerfData}: no {@code /tmp/hsperfdata} memory-mapped file; less start-up work and nothing
 *       written into the instance.</li>
 *   <li>{@code -XX:TieredStopAtLevel=1} ({@link Tuning#STARTUP} only): C1 only; most agents run for a short
 *       while and under TCG the C2 compiler's work costs more than it wins back.</li>
 *   <li>{@code -XX:+UseSerialGC} ({@link Tuning#STARTUP} only): no GC worker threads to create; agents allocate
 *       little.</li>
 * </ul>
 * Caller flags come after the defaults, and HotSpot lets the last occurrence of a flag win, so callers can add
 * heap or thread flags ({@code -Xmx256m}) and override any default.
 */
public final class AgentLayout {
    public static final String ROOT = "/opt/cvbench";
    public static final String JRE = ROOT + "/jre";
    public static final String JAVA = JRE + "/bin/java";
    public static final String LIB = ROOT + "/lib";
    /** The JDK's own CDS archive, written by {@code java -Xshare:dump}. */
    public static final String JDK_CDS_ARCHIVE = JRE + "/lib/server/classes.jsa";
    /** The dynamic (AppCDS) archive of the agent classes, layered on {@link #JDK_CDS_ARCHIVE}. */
    public static final String APP_CDS_ARCHIVE = ROOT + "/agent.jsa";
    public static final String AGENT_MAIN = "dev.cvbench.workload.Agent";

    /** Which JVM flags to start with. */
    public enum Tuning {
        /** Fast start: C1 only and the serial GC. The default for agents. */
        STARTUP,
        /** Full tiered compilation and an ergonomically chosen GC, as the host JVM gets: for CPU-bound kernels. */
        THROUGHPUT
    }

    private final List<String> jarNames;
    private final boolean appCds;

    private AgentLayout(List<String> jarNames, boolean appCds) {
        this.jarNames = List.copyOf(jarNames);
        this.appCds = appCds;
    }

    /** A layout with these jar file names in {@link #LIB}, with or without the AppCDS archive. */
    public static AgentLayout of(List<String> jarNames, boolean appCds) {
        for (String n : jarNames) {
            if (n.isEmpty() || n.contains("/") || n.contains(":")) {
                throw new IllegalArgumentException("bad jar name: '" + n + "'");
            }
        }
        return new AgentLayout(jarNames, appCds);
    }

    /** A layout for an image whose jars are unknown: {@code -cp /opt/cvbench/lib/*}, no AppCDS. */
    public static AgentLayout wildcard() {
        return new AgentLayout(List.of(), false);
    }

    public List<String> jarNames() {
        return jarNames;
    }

    public boolean appCds() {
        return appCds;
    }

    /** The {@code -cp} value: the jars in order, or {@code /opt/cvbench/lib/*} when unknown. */
    public String classPath() {
        if (jarNames.isEmpty()) {
            return LIB + "/*";
        }
        return String.join(":", jarNames.stream().map(n -> LIB + "/" + n).toList());
    }

    /** The default JVM flags for {@code tuning}, in order. */
    public List<String> jvmFlags(Tuning tuning) {
        List<String> f = new ArrayList<>();
        f.add("-Xshare:auto");
        if (appCds) {
            f.add("-XX:SharedArchiveFile=" + APP_CDS_ARCHIVE);
        }
        f.add("-XX:-UsePerfData");
        if (tuning == Tuning.STARTUP) {
            f.add("-XX:TieredStopAtLevel=1");
            f.add("-XX:+UseSerialGC");
        }
        return f;
    }

    /** The argv for {@code agent} with the {@link Tuning#STARTUP} defaults. */
    public List<String> argv(Command.Agent agent) {
        return argv(agent.workload(), agent.args());
    }

    /** The argv for {@code Agent <workload> [args]} with the {@link Tuning#STARTUP} defaults. */
    public List<String> argv(String workload, List<String> args) {
        List<String> programArgs = new ArrayList<>();
        programArgs.add(Objects.requireNonNull(workload, "workload"));
        programArgs.addAll(args);
        return argv(Tuning.STARTUP, List.of(), AGENT_MAIN, programArgs);
    }

    /** The full argv: java, default flags, {@code extraJvmFlags}, class path, main class, program arguments. */
    public List<String> argv(Tuning tuning, List<String> extraJvmFlags, String mainClass, List<String> programArgs) {
        List<String> argv = new ArrayList<>();
        argv.add(JAVA);
        argv.addAll(jvmFlags(tuning));
        argv.addAll(extraJvmFlags);
        argv.add("-cp");
        argv.add(classPath());
        argv.add(Objects.requireNonNull(mainClass, "mainClass"));
        argv.addAll(programArgs);
        return List.copyOf(argv);
    }
}
