package dev.neurite.runtime.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files of atomic saves: {@code .<name>.<random>.tmp} beside the target, unique so
 * that a killed save never blocks the next one, and locked while written so that a later save can
 * tell the temporaries of dead saves (unlocked: removed) from those of saves still running.
 *
 * <p>A lock is held by a process, so saves running in this JVM are also kept in a set and never
 * opened by the cleanup (closing any channel to a file may drop the JVM's locks on it).
 */
final class Temporaries {
  /** Enough of the target's name to tell its temporaries apart and stay within 255 bytes. */
  private static final int NAME_CHARS = 50;
  private static final String SUFFIX = ".tmp";
  private static final int ATTEMPTS = 100;
  private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

  private Temporaries() {}

  /** A created temporary: open for writing and locked until its channel is closed. */
  static final class Temporary {
    private final Path path;
    private final FileChannel channel;

    private Temporary(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    Path path() {
      return path;
    }

    FileChannel channel() {
      return channel;
    }

    /** Forgets the temporary once it was renamed or deleted. */
    void release() {
      LIVE.remove(path);
    }
  }

  /**
   * Creates a new, locked temporary for {@code target} in {@code directory}, so that the rename
   * stays within one file system; created like an ordinary file (not {@code createTempFile}'s
   * owner-only permissions), since it becomes the target.
   */
  static Temporary create(Path directory, Path target, Path requested) throws IOException {
    String prefix = prefix(target.getFileName().toString());
    for (int attempt = 1; ; attempt++) {
      Path path = directory.resolve(prefix
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
      LIVE.add(path);
      try {
        FileChannel channel = FileChannel.open(
            path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        lock(channel);
        return new Temporary(path, channel);
      } catch (FileAlreadyExistsException e) {
        LIVE.remove(path);
        if (attempt == ATTEMPTS) {
          throw cannotCreate(requested, directory, e);
        }
      } catch (IOException e) {
        LIVE.remove(path);
        Files.deleteIfExists(path);
        throw cannotCreate(requested, directory, e);
      }
    }
  }

  /**
   * Locks a new temporary for as long as it is written; a file system without locks (some network
   * ones) still takes the save, its temporaries then look stale to nobody.
   */
  private static void lock(FileChannel channel) {
    try {
      channel.lock();
    } catch (IOException e) {
      // No locks here: see above.
    }
  }

  /**
   * Removes the temporaries of {@code name} in {@code directory} that no running save holds: left
   * by saves that were killed or lost power. Those it cannot remove it leaves; they block nothing.
   */
  static void removeStale(Path directory, String name) {
    String prefix = prefix(name);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
        entry -> isTemporary(entry.getFileName().toString(), prefix))) {
      for (Path entry : entries) {
        removeIfStale(entry);
      }
    } catch (IOException e) {
      // Cleaning up is a courtesy: a directory that cannot be listed still takes a save.
    }
  }

  private static void removeIfStale(Path entry) {
    if (LIVE.contains(entry) || !Files.isRegularFile(entry)) {
      return;
    }
    // A shared lock needs only read access: a temporary of a read-only target is read-only.
    try (FileChannel channel = FileChannel.open(entry, StandardOpenOption.READ)) {
      FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
      if (lock != null) {
        Files.delete(entry);
      }
    } catch (IOException | OverlappingFileLockException e) {
      // Held by a running save, or not ours to remove.
    }
  }

  /** Returns the name a temporary of {@code name} starts with. */
  static String prefix(String name) {
    return "." + (name.length() > NAME_CHARS ? name.substring(0, NAME_CHARS) : name) + ".";
  }

  static boolean isTemporary(String entry, String prefix) {
    return entry.startsWith(prefix) && entry.endsWith(SUFFIX)
        && entry.length() > prefix.length() + SUFFIX.length()
        && isToken(entry.substring(prefix.length(), entry.length() - SUFFIX.length()));
  }

  /** Returns whether {@code text} is a save's token: hexadecimal (or the old decimal counter). */
  private static boolean isToken(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static IOException cannotCreate(Path requested, Path directory, IOException e) {
    return new IOException("cannot save to " + requested + ": cannot create a temporary file "
        + "in " + directory + " (" + e + ")", e);
  }
}
