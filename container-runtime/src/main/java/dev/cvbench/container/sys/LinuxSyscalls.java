package dev.cvbench.container.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import dev.cvbench.container.SyscallException;

/** {@link Syscalls} through JNA direct mapping onto libc; errno becomes a {@link SyscallException}. */
final class LinuxSyscalls implements Syscalls {
    static final LinuxSyscalls INSTANCE = new LinuxSyscalls();
    private static final int ESRCH = 3;

    private static final class C {
        static {
            Native.register("libc.so.6"); // the soname: no ldconfig search
        }

        static native int mount(String source, String target, String fstype, NativeLong flags, String data) throws LastErrorException;

        static native int umount2(String target, int flags) throws LastErrorException;

        static native int kill(int pid, int sig) throws LastErrorException;

        static native int mkfifo(String path, int mode) throws LastErrorException;

        static native String strerror(int errno);
    }

    private LinuxSyscalls() {}

    @Override
    public void mount(String source, String target, String fstype, long flags, String data) throws SyscallException {
        try {
            C.mount(source, target, fstype, new NativeLong(flags), data);
        } catch (LastErrorException e) {
            throw fail("mount", fstype + " " + source + " on " + target, e);
        }
    }

    @Override
    public void umount(String target, int flags) throws SyscallException {
        try {
            C.umount2(target, flags);
        } catch (LastErrorException e) {
            throw fail("umount2", target, e);
        }
    }

    @Override
    public boolean kill(long pid, int signal) throws SyscallException {
        try {
            C.kill(Math.toIntExact(pid), signal);
            return true;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == ESRCH) {
                return false;
            }
            throw fail("kill", pid + " " + signal, e);
        }
    }

    @Override
    public void mkfifo(String path, int mode) throws SyscallException {
        try {
            C.mkfifo(path, mode);
        } catch (LastErrorException e) {
            throw fail("mkfifo", path, e);
        }
    }

    @Override
    public int geteuid() {
        // from the JDK, so commands that need no other syscall never load JNA's native library
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static SyscallException fail(String call, String target, LastErrorException e) {
        return new SyscallException(call, target, e.getErrorCode(), C.strerror(e.getErrorCode()));
    }
}
