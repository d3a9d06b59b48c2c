/** {@link dev.cvbench.vm.xml.DomainXml}: a VM spec as libvirt domain XML, sealed by golden-file tests. */
package dev.cvbench.vm.xml;
