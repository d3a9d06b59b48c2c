package dev.cvbench.container.volume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, held by one thread of one process at a time: an in-JVM lock per path
 * (the OS file lock is per process) plus {@link FileChannel#lock()} for other processes.
 */
final class StoreLock {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final Path file;

    StoreLock(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Something done while holding the lock. */
    interface Action<T> {
        T run() throws VolumeException;
    }

    /** Runs {@code action} holding the lock, and releases it however the action ends. */
    <T> T with(Action<T> action) throws VolumeException {
        Held held = acquire();
        try {
            return action.run();
        } finally {
            held.close();
        }
    }

    /** Blocks until the lock is held; release it by closing the handle. */
    Held acquire() throws VolumeException.Io {
        ReentrantLock local = LOCAL.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        if (local.getHoldCount() > 1) {
            return new Held(local, null, null);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new Held(local, channel, channel.lock());
        } catch (IOException e) {
            closeQuietly(channel);
            local.unlock();
            throw new VolumeException.Io(file, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing useful to do: the lock goes with the channel
            }
        }
    }

    /** A held lock; {@link #close()} releases it. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock fileLock;

        private Held(ReentrantLock local, FileChannel channel, FileLock fileLock) {
            this.local = local;
            this.channel = channel;
            this.fileLock = fileLock;
        }

        @Override
        public void close() {
            try {
                if (fileLock != null) {
                    fileLock.release();
                }
            } catch (IOException ignored) {
                // closing the channel releases it too
            } finally {
                closeQuietly(channel);
                local.unlock();
            }
        }
    }
}
