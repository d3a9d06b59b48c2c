/**
 * The host end of the serial console and what is derived from it: lines stamped on arrival
 * ({@link dev.cvbench.vm.boot.ConsoleServer}, {@link dev.cvbench.vm.boot.LineSplitter},
 * {@link dev.cvbench.vm.boot.ConsoleLog}) and the boot phases ({@link dev.cvbench.vm.boot.BootPhases}).
 */
package dev.cvbench.vm.boot;
