package dev.cvbench.harness.image;

/** The steps of a guest image build, in order. Each is reported to a {@link BuildListener}. */
public enum BuildStep {
    INPUTS("resolving inputs"),
    SKELETON("rootfs skeleton"),
    BUSYBOX("busybox"),
    AGENT_JARS("agent jars"),
    MODULES("jdeps"),
    JLINK("jlink"),
    STRIP("strip native symbols"),
    NATIVE_LIBS("shared libraries"),
    CDS("CDS archive"),
    APP_CDS("AppCDS archive"),
    STARTUP("JVM start-up probe"),
    PUBLISH("publish");

    private final String label;

    BuildStep(String label) {
        this.label = label;
    }

    /** Short human label, e.g. {@code jlink}. */
    public String label() {
        return label;
    }
}
