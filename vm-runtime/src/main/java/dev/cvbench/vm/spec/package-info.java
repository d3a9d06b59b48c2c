/**
 * The typed, validated description of a VM ({@link dev.cvbench.vm.spec.VmSpec}) and the kernel command line
 * that carries the guest command to cvbench's /init ({@link dev.cvbench.vm.spec.KernelCmdline}). Nothing here
 * touches libvirt or the file system, so every rule is unit tested.
 */
package dev.cvbench.vm.spec;
