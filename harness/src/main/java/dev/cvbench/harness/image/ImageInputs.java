package dev.cvbench.harness.image;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything a guest image is built from, as configured. Build with {@link #builder()}; every setting has a
 * default that suits the harness on a Debian host:
 * <pre>
 * ImageInputs in = ImageInputs.builder().cacheRoot(Path.of("/var/cache/cvbench/images")).build();
 * GuestImage image = new ImageBuilder(in).build(listener);
 * </pre>
 * The files behind these settings (the busybox binary, the JDK, the agent jars) are digested into the
 * {@link CacheKey}; change any of them and the next build makes a new image.
 */
public final class ImageInputs {
    public static final Path DEFAULT_CACHE_ROOT = Path.of("/var/cache/cvbench/images");
    /**
     * Modules always linked into the JRE, whatever jdeps finds: {@code java.base}; {@code java.management} for
     * the agents' CPU-time and memory MXBeans; {@code jdk.unsupported} for {@code sun.misc.Unsafe} in the
     * shared-memory kernels. The JVM itself (libjvm.so, ~20 MB) dominates the size either way.
     */
    public static final List<String> DEFAULT_MODULES = List.of("java.base", "java.management", "jdk.unsupported");
    /** jlink options: no debug attributes, man pages or headers; ZIP-compressed class resources. */
    public static final List<String> DEFAULT_JLINK_OPTIONS = List.of("--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2");
    /** The training invocation for the AppCDS archive: the agent's cheapest run. */
    public static final List<String> DEFAULT_TRAINING_ARGS = List.of("--help");

    private final Path cacheRoot;
    private final Path jdkHome;
    private final Optional<Path> busybox;
    private final List<String> modules;
    private final boolean jdepsModules;
    private final List<String> jlinkOptions;
    private final boolean stripNativeSymbols;
    private final Optional<List<Path>> agentSources;
    private final List<String> agentClasses;
    private final Optional<String> trainingMain;
    private final List<String> trainingArgs;
    private final Set<String> applets;
    private final String hostname;
    private final int startupProbeRuns;

    private ImageInputs(Builder b) {
        this.cacheRoot = b.cacheRoot;
        this.jdkHome = b.jdkHome;
        this.busybox = Optional.ofNullable(b.busybox);
        this.modules = List.copyOf(b.modules);
        this.jdepsModules = b.jdepsModules;
        this.jlinkOptions = List.copyOf(b.jlinkOptions);
        this.stripNativeSymbols = b.stripNativeSymbols;
        this.agentSources = Optional.ofNullable(b.agentSources).map(List::copyOf);
        this.agentClasses = List.copyOf(b.agentClasses);
        this.trainingMain = Optional.ofNullable(b.trainingMain);
        this.trainingArgs = List.copyOf(b.trainingArgs);
        this.applets = Set.copyOf(b.applets);
        this.hostname = b.hostname;
        this.startupProbeRuns = b.startupProbeRuns;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change one and build again. */
    public Builder toBuilder() {
        Builder b = new Builder().cacheRoot(cacheRoot).jdkHome(jdkHome).modules(modules).jdepsModules(jdepsModules)
                .jlinkOptions(jlinkOptions).stripNativeSymbols(stripNativeSymbols).agentClasses(agentClasses)
                .training(trainingMain.orElse(null), trainingArgs).applets(applets).hostname(hostname)
                .startupProbeRuns(startupProbeRuns);
        busybox.ifPresent(b::busybox);
        agentSources.ifPresent(b::agentSources);
        return b;
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    public Path jdkHome() {
        return jdkHome;
    }

    public Optional<Path> busybox() {
        return busybox;
    }

    public List<String> modules() {
        return modules;
    }

    public boolean jdepsModules() {
        return jdepsModules;
    }

    public List<String> jlinkOptions() {
        return jlinkOptions;
    }

    public boolean stripNativeSymbols() {
        return stripNativeSymbols;
    }

    /** Explicit agent jar sources (jars or class directories); empty means "the jars of {@link #agentClasses()}". */
    public Optional<List<Path>> agentSources() {
        return agentSources;
    }

    public List<String> agentClasses() {
        return agentClasses;
    }

    /** Main class of the AppCDS training run; empty means "no AppCDS archive". */
    public Optional<String> trainingMain() {
        return trainingMain;
    }

    public List<String> trainingArgs() {
        return trainingArgs;
    }

    /** Applet names to link; empty means all that busybox offers. */
    public Set<String> applets() {
        return applets;
    }

    public String hostname() {
        return hostname;
    }

    /** How many {@code java -version} runs, with and without CDS, to record in the manifest (0 = none). */
    public int startupProbeRuns() {
        return startupProbeRuns;
    }

    /** Fluent settings; {@link #build()} ends it. */
    public static final class Builder {
        private Path cacheRoot = DEFAULT_CACHE_ROOT;
        private Path jdkHome = Path.of(System.getProperty("java.home"));
        private Path busybox;
        private List<String> modules = DEFAULT_MODULES;
        private boolean jdepsModules = true;
        private List<String> jlinkOptions = DEFAULT_JLINK_OPTIONS;
        private boolean stripNativeSymbols = true;
        private List<Path> agentSources;
        private List<String> agentClasses = AgentJars.DEFAULT_CLASSES;
        private String trainingMain = AgentLayout.AGENT_MAIN;
        private List<String> trainingArgs = DEFAULT_TRAINING_ARGS;
        private Set<String> applets = Set.of();
        private String hostname = "cvbench";
        private int startupProbeRuns = 3;

        private Builder() {}

        public Builder cacheRoot(Path dir) {
            this.cacheRoot = Objects.requireNonNull(dir);
            return this;
        }

        /** The JDK whose jlink, jdeps and modules make the JRE (default: the running one). */
        public Builder jdkHome(Path dir) {
            this.jdkHome = Objects.requireNonNull(dir);
            return this;
        }

        /** A specific static busybox binary instead of the one from {@code busybox-static}. */
        public Builder busybox(Path file) {
            this.busybox = file;
            return this;
        }

        public Builder modules(List<String> names) {
            this.modules = new ArrayList<>(names);
            return this;
        }

        /** Whether to add the modules jdeps finds in the agent jars (default true). */
        public Builder jdepsModules(boolean on) {
            this.jdepsModules = on;
            return this;
        }

        public Builder jlinkOptions(List<String> options) {
            this.jlinkOptions = new ArrayList<>(options);
            return this;
        }

        /** Whether to strip the symbol tables of the JRE's native libraries (saves ~3.5 MB; default true). */
        public Builder stripNativeSymbols(boolean on) {
            this.stripNativeSymbols = on;
            return this;
        }

        /** The agent jars or class directories to put in {@code /opt/cvbench/lib}, in class-path order. */
        public Builder agentSources(List<Path> sources) {
            this.agentSources = new ArrayList<>(sources);
            return this;
        }

        /** Classes whose jars are the agent class path, when {@link #agentSources} is not set. */
        public Builder agentClasses(List<String> classNames) {
            this.agentClasses = new ArrayList<>(classNames);
            return this;
        }

        /** The AppCDS training run ({@code mainClass} on the agent class path); null main class = no AppCDS. */
        public Builder training(String mainClass, List<String> args) {
            this.trainingMain = mainClass;
            this.trainingArgs = new ArrayList<>(args);
            return this;
        }

        public Builder applets(Set<String> names) {
            this.applets = new TreeSet<>(names);
            return this;
        }

        public Builder hostname(String name) {
            this.hostname = Objects.requireNonNull(name);
            return this;
        }

        public Builder startupProbeRuns(int runs) {
            if (runs < 0) {
                throw new IllegalArgumentException("runs must be >= 0");
            }
            this.startupProbeRuns = runs;
            return this;
        }

        public ImageInputs build() {
            return new ImageInputs(this);
        }
    }
}
