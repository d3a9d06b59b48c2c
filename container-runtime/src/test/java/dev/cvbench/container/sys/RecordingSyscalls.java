package dev.cvbench.container.sys;

import dev.cvbench.container.SyscallException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link Syscalls} that records every call as a line and can be told to fail one. */
public final class RecordingSyscalls implements Syscalls {
    /** Reacts to a kill, e.g. by emptying a fake cgroup.procs. */
    public interface KillHook {
        void killed(long pid) throws IOException;
    }

    private final List<String> calls = new ArrayList<>();
    private final Map<String, Integer> failures = new HashMap<>();
    private KillHook onKill = pid -> {};

    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void onKill(KillHook hook) {
        onKill = hook;
    }

    /** The next call whose line starts with prefix fails with errno. */
    public void fail(String prefix, int errno) {
        failures.put(prefix, errno);
    }

    private void record(String line) throws SyscallException {
        calls.add(line);
        for (var f : failures.entrySet()) {
            if (line.startsWith(f.getKey())) {
                failures.remove(f.getKey());
                throw new SyscallException(line.split(" ")[0], line, f.getValue(), "injected");
            }
        }
    }

    @Override
    public void mount(String source, String target, String fstype, long flags, String data) throws SyscallException {
        record("mount " + source + " " + target + " " + fstype + " " + flags + " " + data);
    }

    @Override
    public void umount(String target, int flags) throws SyscallException {
        record("umount " + target + " " + flags);
    }

    @Override
    public boolean kill(long pid, int signal) throws SyscallException {
        record("kill " + pid + " " + signal);
        try {
            onKill.killed(pid);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    @Override
    public void mkfifo(String path, int mode) throws SyscallException {
        record("mkfifo " + path + " " + Integer.toOctalString(mode));
    }

    @Override
    public int geteuid() {
        return 0;
    }
}
