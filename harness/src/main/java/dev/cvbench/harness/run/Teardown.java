package dev.cvbench.harness.run;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a run opened when the JVM is asked to exit (Ctrl-C, SIGTERM) mid-run: sandboxes tear down
 * their containers, cgroups, veths and domains. Resources register while open and deregister when closed
 * normally; the shutdown hook closes whatever is still registered, newest first.
 */
public final class Teardown {
    private static final Deque<AutoCloseable> OPEN = new ArrayDeque<>();
    private static boolean hooked;

    private Teardown() {}

    public static synchronized void register(AutoCloseable resource) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Teardown::closeAll, "cvbench-teardown"));
            hooked = true;
        }
        OPEN.push(resource);
    }

    public static synchronized void deregister(AutoCloseable resource) {
        OPEN.remove(resource);
    }

    static void closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (Teardown.class) {
                next = OPEN.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("cvbench: cleanup of " + next + " failed: " + e.getMessage());
            }
        }
    }
}
