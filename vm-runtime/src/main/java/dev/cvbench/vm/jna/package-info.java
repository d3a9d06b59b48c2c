/** The only VM runtime code that sees JNA types: libvirt's error callback. */
package dev.cvbench.vm.jna;
