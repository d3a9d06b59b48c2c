package dev.cvbench.harness.cli;

import picocli.CommandLine.Command;

/** {@code cvbench vm ...}: boot a VM from the default guest image and run a command in it. */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "Boot VMs from the default guest image through libvirt.")
final class VmCommand {}
