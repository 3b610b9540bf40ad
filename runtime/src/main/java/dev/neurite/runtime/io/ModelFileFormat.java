package dev.neurite.runtime.io;

import java.util.zip.CRC32;

/**
 * The layout of a model file, version 1. All numbers are big-endian, as
 * {@link java.io.DataOutputStream} writes them; doubles are their raw IEEE 754 bits.
 *
 * <pre>
 * header (24 bytes, fixed in every version up to the version number):
 *   8  magic        0x89 'N' 'R' 'T' '\r' '\n' 0x1A '\n'
 *   4  version      int
 *   8  file length  long, every byte of the file
 *   4  header CRC   CRC-32 of the 20 bytes before
 * body:
 *   string network name, string precision, long seed, string loss (HUBER(delta) when the
 *               Huber delta is not 1; the loss does not change what the weights mean)
 *   shape:      int input size, int layer count, per layer: byte kind (0 dense, 1 dropout),
 *               int units, string activation, double activation parameter, byte bias,
 *               double dropout rate
 *   parameters: int count, count doubles in the flat layout of NetworkSpec
 *   normalizer: byte present; if 1: int n, n means, n standard deviations
 *   optimizer:  byte present; if 1: int arrays, per array: int n, n doubles
 *   arrays:     int count, per array: string name, int n, n doubles
 *   pipeline:   (optional: only when a target normalizer or class names are saved, so files
 *               without them are byte for byte what earlier versions wrote, and files written
 *               before it load unchanged) byte 1; target normalizer as the normalizer above;
 *               int count, count strings: the class names
 * trailer:
 *   4  CRC-32 of every byte before
 * string: unsigned short byte count, then UTF-8 bytes
 * </pre>
 *
 * <p>The magic's first byte is not ASCII and its line endings catch a file mangled as text, the
 * way PNG's do. The header has its own CRC so that a damaged length is told apart from a
 * truncated file.
 */
final class ModelFileFormat {
  static final byte[] MAGIC = {(byte) 0x89, 'N', 'R', 'T', '\r', '\n', 0x1A, '\n'};
  static final int VERSION = 1;
  static final int VERSION_OFFSET = MAGIC.length;
  static final int LENGTH_OFFSET = VERSION_OFFSET + 4;
  static final int HEADER_CRC_OFFSET = LENGTH_OFFSET + 8;
  static final int HEADER_SIZE = HEADER_CRC_OFFSET + 4;
  static final int TRAILER_SIZE = 4;
  /** The largest file: the whole file is one byte array when read. */
  static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 64;
  static final byte DENSE = 0;
  static final byte DROPOUT = 1;
  /** The tag of the optional section after the arrays. */
  static final byte PIPELINE_SECTION = 1;
  /** Sanity limits on counts, checked before anything is allocated. */
  static final int MAX_LAYERS = 100_000;
  static final int MAX_ARRAYS = 1_000_000;

  private ModelFileFormat() {}

  /** Returns the CRC-32 of {@code bytes[0..length)}. */
  static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
