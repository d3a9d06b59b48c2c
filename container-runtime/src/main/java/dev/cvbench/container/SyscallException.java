package dev.cvbench.container;

/** A system call made by the runtime itself (not by cvinit) failed with an errno. */
public final class SyscallException extends ContainerException {
    private static final long serialVersionUID = 1L;
    private final String syscall;
    private final int errno;

    public SyscallException(String syscall, String target, int errno, String reason) {
        super(syscall + " " + target + ": " + reason + " (errno " + errno + ")");
        this.syscall = syscall;
        this.errno = errno;
    }

    public String syscall() {
        return syscall;
    }

    public int errno() {
        return errno;
    }
}
