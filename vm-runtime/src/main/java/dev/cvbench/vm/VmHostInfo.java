package dev.cvbench.vm;

import dev.cvbench.vm.spec.DomainType;

/**
 * What a result file records about the VM side of a run.
 *
 * @param uri the libvirt URI used
 * @param libvirtVersion e.g. {@code 9.0.0}
 * @param qemuVersion e.g. {@code 7.2.22}
 * @param domainType what {@code auto} resolves to here
 */
public record VmHostInfo(String uri, String libvirtVersion, String qemuVersion, DomainType domainType) {
    /** True when guests run under TCG: every number is emulated and reports must say so. */
    public boolean emulated() {
        return domainType == DomainType.QEMU;
    }
}
