/**
 * The VM packaging of a guest root file system: a Debian kernel fetched without installing it
 * ({@link dev.cvbench.vm.image.KernelFetcher}), the kernel modules the guest needs in load order
 * ({@link dev.cvbench.vm.image.ModuleResolver}, {@link dev.cvbench.vm.image.ModInfo}), and the cpio initramfs with
 * cvbench's /init ({@link dev.cvbench.vm.image.InitramfsWriter}); {@link dev.cvbench.vm.image.GuestImage#prepare}
 * does all three.
 */
package dev.cvbench.vm.image;
