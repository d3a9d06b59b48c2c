/**
 * Developer tools: {@link dev.cvbench.vm.bench.BootBenchmark} (libvirt against QEMU started directly) and
 * {@link dev.cvbench.vm.bench.VmRun} (boot the busybox guest and run one command). See the module README.
 */
package dev.cvbench.vm.bench;
