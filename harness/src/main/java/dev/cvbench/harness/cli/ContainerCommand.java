package dev.cvbench.harness.cli;

import picocli.CommandLine.Command;

/** {@code cvbench container ...}: the docker-like face of cvbench's own container runtime. */
@Command(name = "container", mixinStandardHelpOptions = true,
        description = "Run and manage containers with cvbench's own runtime (docker-like: run, ps, exec, stop, rm, logs).")
final class ContainerCommand {}
