package dev.cvbench.container.network;

/** The CNI operations this runtime issues ({@code CNI_COMMAND}). */
public enum CniCommand {
    /** Attach: create the interface and assign an address; prints a result. */
    ADD,
    /** Detach: release everything ADD created; must succeed when repeated or when the netns is gone. */
    DEL,
    /** Verify an earlier ADD is still in place (needs the ADD result as {@code prevResult}). */
    CHECK,
    /** Report which spec versions the plugin speaks. */
    VERSION
}
