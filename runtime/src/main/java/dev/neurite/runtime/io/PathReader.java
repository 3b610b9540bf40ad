package dev.neurite.runtime.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32;

/**
 * Reads a model file from a path without trusting it: only a regular file is opened (a named
 * pipe would block, a device never end); its header is checked before anything else is read;
 * and its length and checksum are checked in fixed-size chunks before the file is held in
 * memory, so a damaged or hostile file costs time proportional to its size but no memory.
 */
final class PathReader {
  private static final int CHUNK = 64 * 1024;

  private PathReader() {}

  /** Returns the bytes of the model file at {@code path}, its length and checksum checked. */
  static byte[] read(Path path) throws IOException {
    String source = path.toString();
    checkRegularFile(path);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer header = ByteBuffer.allocate(ModelFileFormat.HEADER_SIZE);
      fill(channel, header, null);
      long declared = ModelFileReader.checkHeader(source, header.array(), header.position());
      ModelFileReader.checkLength(source, size, declared);
      checkChecksum(source, channel, header.array(), declared);
      ByteBuffer file = ByteBuffer.allocate((int) declared);
      channel.position(0);
      fill(channel, file, source);
      return file.array();
    }
  }

  private static void checkRegularFile(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new ModelFileException(path + " is a directory, pass the model file (the path of a "
          + "file that ModelFile.save wrote)");
    }
    if (!attributes.isRegularFile()) {
      throw new ModelFileException(path + " is not a model file: it is not a regular file (a "
          + "named pipe, device or socket), pass the model file");
    }
  }

  /** Checks the trailing CRC of the {@code length}-byte file against its content, in chunks. */
  private static void checkChecksum(String source, FileChannel channel, byte[] header,
      long length) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(header, 0, header.length);
    ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
    long left = length - header.length - ModelFileFormat.TRAILER_SIZE;
    while (left > 0) {
      chunk.clear().limit((int) Math.min(CHUNK, left));
      fill(channel, chunk, source);
      crc.update(chunk.array(), 0, chunk.position());
      left -= chunk.position();
    }
    ByteBuffer trailer = ByteBuffer.allocate(ModelFileFormat.TRAILER_SIZE);
    fill(channel, trailer, source);
    ModelFileReader.checkChecksum(source, trailer.getInt(0), (int) crc.getValue());
  }

  /**
   * Reads until {@code buffer} is full or the file ends; an end before that is an error naming
   * {@code source}, unless it is null (the header: its own check says what is missing).
   */
  private static void fill(FileChannel channel, ByteBuffer buffer, String source)
      throws IOException {
    while (buffer.hasRemaining() && channel.read(buffer) > 0) {
      // Keep reading.
    }
    if (buffer.hasRemaining() && source != null) {
      throw new ModelFileException(source + " is truncated: it became shorter while it was "
          + "read (another program is writing it?)");
    }
  }
}
