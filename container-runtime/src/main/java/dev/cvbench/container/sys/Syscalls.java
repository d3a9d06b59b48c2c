package dev.cvbench.container.sys;

import dev.cvbench.container.SyscallException;

/**
 * The few system calls the Java side makes itself (everything inside the container's namespaces
 * is cvinit's job). An interface so that mount logic can be unit tested with a recording fake.
 */
public interface Syscalls {
    int MNT_DETACH = 2;
    int SIGKILL = 9;
    int SIGTERM = 15;

    void mount(String source, String target, String fstype, long flags, String data) throws SyscallException;

    void umount(String target, int flags) throws SyscallException;

    /** Sends a signal; returns false when the process does not exist (ESRCH). */
    boolean kill(long pid, int signal) throws SyscallException;

    void mkfifo(String path, int mode) throws SyscallException;

    int geteuid();

    /** The real implementation (JNA, libc). */
    static Syscalls linux() {
        return LinuxSyscalls.INSTANCE;
    }
}
