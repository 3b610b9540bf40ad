package dev.neurite.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file so that readers, and the disk after a crash, see either the old content or the
 * new, never a mix: write a temporary file beside it, flush it to the disk, then rename it over
 * the target in one step.
 */
final class AtomicFiles {
  private static final int TEMP_ATTEMPTS = 100;

  private AtomicFiles() {}

  /** Replaces {@code target}'s content with {@code content}, atomically. */
  static void write(Path target, byte[] content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temp = createTemp(directory, target.getFileName().toString());
    boolean moved = false;
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      moved = true;
    } finally {
      if (!moved) {
        Files.deleteIfExists(temp);
      }
    }
    syncDirectory(directory);
  }

  /**
   * Creates an empty temporary file in {@code directory}, so that the rename stays within one
   * file system; created like an ordinary file (not {@code createTempFile}'s owner-only
   * permissions), since it becomes the target.
   */
  private static Path createTemp(Path directory, String name) throws IOException {
    for (int i = 0; ; i++) {
      Path temp = directory.resolve("." + name + "." + i + ".tmp");
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
            .close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (i == TEMP_ATTEMPTS - 1) {
          throw e;
        }
      }
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
