/**
 * Facts about the host the VM runtime needs: whether KVM works ({@link dev.cvbench.vm.host.KvmProbe}), the
 * embedded driver's directory tree and qemu.conf ({@link dev.cvbench.vm.host.EmbedRoot}), QEMU processes and their
 * memory from /proc ({@link dev.cvbench.vm.host.QemuProcesses}, {@link dev.cvbench.vm.host.ProcessMemory}).
 */
package dev.cvbench.vm.host;
