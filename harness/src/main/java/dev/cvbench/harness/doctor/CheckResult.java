package dev.cvbench.harness.doctor;

/**
 * One row of {@code cvbench doctor}.
 *
 * @param item what was checked ("root", "/dev/kvm", "busybox-static")
 * @param neededBy which sandboxes or features need it ("container, vm")
 * @param required true when the default suite cannot run fully without it
 * @param ok whether the host has it
 * @param detail what was found (a version, a path, why not)
 * @param fix the one command that fixes it, empty when ok or nothing to do
 */
public record CheckResult(String item, String neededBy, boolean required, boolean ok, String detail, String fix) {
    public static CheckResult ok(String item, String neededBy, boolean required, String detail) {
        return new CheckResult(item, neededBy, required, true, detail, "");
    }

    public static CheckResult missing(String item, String neededBy, boolean required, String detail, String fix) {
        return new CheckResult(item, neededBy, required, false, detail, fix);
    }

    /** {@code ok}, {@code MISSING} (required) or {@code absent} (optional). */
    public String status() {
        return ok ? "ok" : required ? "MISSING" : "absent";
    }
}
