package tochka.acquiring.server.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory holds secrets: {@code tochka.db} (with its {@code -wal} and {@code -shm}) keeps the signing
 * key's private part, and {@code demo.env} the demo key's token and the admin token. So the directory is made
 * {@code 700} and every file in it {@code 600}, and a directory made before, with looser modes, is tightened on start
 * (each change logged). A process's umask cannot be set from Java, so files are created with their mode rather than
 * fixed afterwards; SQLite gives its {@code -wal} and {@code -shm} the database file's mode, so creating
 * {@code tochka.db} first, as {@code 600}, covers them. On a file system without POSIX modes nothing is changed.
 */
public final class DataDirectory {

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

    static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    /**
     * Creates {@code dir} (mode 700) when missing, else tightens it and the files in it; returns what was changed, as
     * the log says it.
     *
     * @throws UncheckedIOException when the directory cannot be created or read
     */
    public static synchronized List<String> prepare(Path dir) {
        List<String> changed = new ArrayList<>();
        try {
            if (!Files.isDirectory(dir)) {
                if (isPosix(dir.toAbsolutePath().getRoot())) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY_MODE));
                } else {
                    Files.createDirectories(dir);
                }
                return changed;
            }
            if (!isPosix(dir)) return changed;
            tighten(dir, DIRECTORY_MODE, changed);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    // Only our own regular files: a symbolic link is not followed, a subdirectory is not ours.
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) tighten(file, FILE_MODE, changed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare data directory " + dir + ": " + e.getMessage(), e);
        }
        return changed;
    }

    /** Creates {@code file} empty with mode 600 unless it exists. */
    public static void createPrivateFile(Path file) {
        try {
            Files.createFile(file, privateFile(file));
        } catch (FileAlreadyExistsException e) {
            // kept as it is; prepare() has tightened it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code file}, which is created with mode 600 (or made 600 first when it exists). */
    public static void writePrivate(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) prepare(parent);
        createPrivateFile(file);
        if (isPosix(file)) Files.setPosixFilePermissions(file, FILE_MODE);
        Files.writeString(
                file, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** The attributes a private file is created with: mode 600 where modes exist. */
    static FileAttribute<?>[] privateFile(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent != null && isPosix(parent)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)}
                : new FileAttribute<?>[0];
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted, List<String> changed) throws IOException {
        Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        if (now.equals(wanted)) return;
        Files.setPosixFilePermissions(path, wanted);
        String change =
                path + ": " + PosixFilePermissions.toString(now) + " -> " + PosixFilePermissions.toString(wanted);
        log.warn("data directory: tightened the mode of {} (it holds secrets; other users could read it)", change);
        changed.add(change);
    }

    private static boolean isPosix(Path path) {
        return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
    }
}
