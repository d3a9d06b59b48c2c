/** libvirt plumbing: the process-wide event loop the embedded driver needs, versions and error messages. */
package dev.cvbench.vm.libvirt;
