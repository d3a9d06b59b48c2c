/**
 * Virtual machines through libvirt: the entry points of the VM runtime.
 *
 * <h2>The path of one VM</h2>
 * <pre>
 *  rootfs dir ──InitramfsWriter──▶ initramfs.cpio ─┐
 *  Debian .deb ──KernelFetcher───▶ vmlinuz ────────┤
 *                                                  ▼
 *  VmSpec ──DomainXml──▶ domain XML ──VmRuntime.boot──▶ libvirt (embedded driver, in this JVM)
 *                                                          │ spawns
 *                                                          ▼
 *  ConsoleServer ◀── UNIX socket (serial ttyS0) ─── QEMU ── guest kernel ── /init ── argv
 *        │ lines stamped with System.nanoTime()
 *        ▼
 *  ConsoleLog ──BootPhases──▶ launch_requested, qemu_up, domain_running, first_output,
 *                             init_started, agent_ready, command_done, gone
 * </pre>
 *
 * {@link dev.cvbench.vm.VmRuntime} opens the connection and boots; {@link dev.cvbench.vm.Vm} is one guest (a core
 * {@code Instance}); {@link dev.cvbench.vm.VmException} and its subclasses are every failure, each with a one-line
 * message that says what to do. {@link dev.cvbench.vm.VmAvailability} answers "can VMs run here?" without
 * connecting.
 */
package dev.cvbench.vm;
