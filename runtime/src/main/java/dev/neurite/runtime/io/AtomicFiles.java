package dev.neurite.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that readers, and the disk after a crash, see either the old content or the
 * new, never a mix: write a uniquely named temporary file beside it, flush it to the disk, then
 * rename it over the target in one step.
 *
 * <p>A symbolic link is followed: its final target gets the new content and the link stays. An
 * existing file keeps its permissions (a read-only file stays read-only). A missing directory is
 * created. Temporaries left by saves that were killed are removed ({@link Temporaries}).
 */
final class AtomicFiles {
  /** As many links as Linux follows before it reports a loop. */
  private static final int MAX_LINKS = 40;

  private AtomicFiles() {}

  /** Replaces {@code path}'s content with {@code content}, atomically. */
  static void write(Path path, byte[] content) throws IOException {
    Path target = followLinks(path);
    Set<PosixFilePermission> permissions = checkTarget(path, target);
    Path directory = target.getParent();
    createDirectory(directory, path);
    Temporaries.removeStale(directory, target.getFileName().toString());
    Temporaries.Temporary temp = Temporaries.create(directory, target, path);
    boolean moved = false;
    try {
      try (FileChannel channel = temp.channel()) {
        if (permissions != null) {
          Files.getFileAttributeView(temp.path(), PosixFileAttributeView.class)
              .setPermissions(permissions);
        }
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp.path(), target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp.path());
      }
      temp.release();
    }
    syncDirectory(directory);
  }

  /**
   * Returns the absolute path {@code path} ends at once every symbolic link on its last step is
   * followed (the target may not exist yet).
   */
  static Path followLinks(Path path) throws IOException {
    Path current = path.toAbsolutePath();
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == MAX_LINKS) {
        throw new IOException("cannot save to " + path + ": it is a chain of more than "
            + MAX_LINKS + " symbolic links (a loop?)");
      }
      current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
    }
    return current;
  }

  /**
   * Refuses a target that exists and is not a regular file, and returns the POSIX permissions
   * of one that is (null if there is none, or the file system has no such permissions).
   */
  private static Set<PosixFilePermission> checkTarget(Path path, Path target)
      throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return null;
    }
    BasicFileAttributes attributes =
        Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isDirectory()) {
      throw new IOException("cannot save to " + path + ": it is a directory, pass the path of "
          + "the model file to write (for example " + path.resolve("model.nrt") + ")");
    }
    if (!attributes.isRegularFile()) {
      throw new IOException("cannot save to " + path + ": it exists and is not a regular file "
          + "(a named pipe, device or socket), which a save must not replace");
    }
    PosixFileAttributeView posix =
        Files.getFileAttributeView(target, PosixFileAttributeView.class);
    return posix == null ? null : posix.readAttributes().permissions();
  }

  private static void createDirectory(Path directory, Path path) throws IOException {
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IOException("cannot save to " + path + ": cannot create its directory "
          + directory + " (" + e + ")", e);
    }
  }

  /**
   * Flushes the directory entry of the rename, so it survives a power loss; some systems
   * (Windows) cannot open a directory, and there the rename is already as durable as it gets.
   */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported here; see above.
    }
  }
}
