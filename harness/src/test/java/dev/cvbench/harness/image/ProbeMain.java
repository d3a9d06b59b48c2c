package dev.cvbench.harness.image;

/** A trivial program for the image tests: the smallest "class start" to time, and an AppCDS training run. */
public final class ProbeMain {
    private ProbeMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("--fail")) {
            System.exit(3);
        }
        System.out.println("probe ok " + Runtime.version().feature());
    }
}
