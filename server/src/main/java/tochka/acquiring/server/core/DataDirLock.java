package tochka.acquiring.server.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * One server per data directory. A second server on the same SQLite file would run beside the first unnoticed (and
 * write its own {@code demo.env} over the first one's), so a server holds an OS lock on {@code <data>/server.lock}
 * for as long as it runs. The OS drops the lock when the process ends, even by {@code kill -9}, so a lock file left
 * behind never blocks a restart. Offline tools ({@code tochka keys}) do not take it: they work beside a running
 * server, as SQLite allows.
 */
public final class DataDirLock implements AutoCloseable {

    static final String FILE_NAME = "server.lock";

    /**
     * Directories locked by this JVM. Checked before the file is touched: closing any channel of a locked file
     * releases the JVM's lock on it on some systems (see {@link FileLock}), so a second start in the same process
     * must never open the file.
     */
    private static final Set<Path> LOCKED_HERE = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dataDir} (creating it when missing, mode 700, and tightening the modes of what it holds) for this
     * server.
     *
     * @throws IllegalStateException naming the directory when another server, in this process or another, holds it
     */
    public static synchronized DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (LOCKED_HERE.contains(dir)) throw inUse(dir, ProcessHandle.current().pid());
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            DataDirectory.prepare(dir);
            channel = FileChannel.open(
                    file,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    DataDirectory.privateFile(file));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dir, owner(file));
            }
            // The holder's pid, only for the message a second server prints; the lock itself is what counts.
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            LOCKED_HERE.add(dir);
            return new DataDirLock(dir, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException(
                    "cannot lock data directory " + dir + " (" + file + "): " + e.getMessage(), e);
        }
    }

    private static IllegalStateException inUse(Path dir, @Nullable Long pid) {
        return new IllegalStateException("another tochka server" + (pid == null ? "" : " (pid " + pid + ")")
                + " is running on the data directory " + dir + " (it holds " + dir.resolve(FILE_NAME) + "); stop it"
                + " first, or give this server another --data. tochka keys works beside a running server.");
    }

    /** The pid the holder wrote, if it can be read (another process's lock: reading does not disturb it). */
    private static @Nullable Long owner(Path file) {
        try {
            return Long.valueOf(
                    Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static void closeQuietly(@Nullable FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing; the original error is the one to report
        }
    }

    @Override
    public void close() {
        synchronized (DataDirLock.class) {
            if (!channel.isOpen()) return;
            try {
                lock.release();
            } catch (IOException ignored) {
                // closing the channel below releases it as well
            }
            closeQuietly(channel);
            LOCKED_HERE.remove(dataDir);
        }
    }
}
