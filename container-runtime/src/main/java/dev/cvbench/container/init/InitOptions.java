package dev.cvbench.container.init;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What cvinit needs besides the container config: create or exec mode, the exec fifo that holds
 * the process until start, where stage 0 writes the exit status, and whether the runtime stays
 * attached (then a closed socket kills the container).
 */
public record InitOptions(boolean exec, Optional<Path> execFifo, Optional<Path> exitFile, boolean foreground) {}
