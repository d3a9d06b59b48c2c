package dev.cvbench.vm.spec;

import java.util.Locale;

/**
 * How QEMU runs the guest's CPU: {@link #KVM} uses the host's hardware virtualization through /dev/kvm;
 * {@link #QEMU} is TCG, QEMU's binary translator (a pure emulator, typically 5-50x slower for CPU-bound code).
 * {@link #AUTO} picks KVM when /dev/kvm can be opened and libvirt offers it, else TCG. Every result records the
 * type actually used, and reports mark TCG numbers as emulated.
 */
public enum DomainType {
    AUTO,
    KVM,
    QEMU;

    /** The value of libvirt's {@code <domain type='...'>}; not defined for {@link #AUTO}. */
    public String libvirtName() {
        if (this == AUTO) {
            throw new IllegalStateException("resolve AUTO to KVM or QEMU before writing the domain");
        }
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code auto}, {@code kvm}, {@code qemu} (also accepted: {@code tcg}). */
    public static DomainType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto" -> AUTO;
            case "kvm" -> KVM;
            case "qemu", "tcg" -> QEMU;
            default -> throw new IllegalArgumentException("unknown domain type '" + text + "'; use auto, kvm or qemu");
        };
    }
}
