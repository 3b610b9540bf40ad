package dev.neurite.runtime.corpus;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the body of a good model file, as the format's documentation lays it out, to find the
 * offsets of its 4-byte counts. Those bound to the network (the layer count, each layer's units,
 * the parameter count, the normalizer's columns) are checked against it, so any other value must
 * be refused; the others (the optimizer's arrays and their lengths, the named arrays and theirs)
 * can take another value that still reads as a well-formed file of other content, so only a
 * value that cannot fit must be.
 */
final class FormatWalk {
  private final ByteBuffer file;
  private final List<Integer> bound = new ArrayList<>();
  private final List<Integer> free = new ArrayList<>();

  private FormatWalk(byte[] bytes) {
    this.file = ByteBuffer.wrap(bytes);
    file.position(24);
  }

  /** Returns the offsets of the counts bound to the network, then those that are not. */
  static List<List<Integer>> countOffsets(byte[] bytes) {
    FormatWalk walk = new FormatWalk(bytes);
    walk.body();
    if (walk.file.position() != bytes.length - 4) {
      throw new AssertionError("the walk ended at " + walk.file.position() + " of "
          + bytes.length + ": the format documentation and this walk disagree");
    }
    List<List<Integer>> both = new ArrayList<>();
    both.add(walk.bound);
    both.add(walk.free);
    return both;
  }

  private void body() {
    string();
    string();
    file.getLong();
    string();
    file.getInt();
    int layers = count(bound);
    for (int l = 0; l < layers; l++) {
      file.get();
      count(bound);
      string();
      file.getDouble();
      file.get();
      file.getDouble();
    }
    array(bound);
    if (file.get() == 1) {
      int n = count(bound);
      file.position(file.position() + 16 * n);
    }
    if (file.get() == 1) {
      for (int a = count(free); a > 0; a--) {
        array(free);
      }
    }
    for (int a = count(free); a > 0; a--) {
      string();
      array(free);
    }
  }

  private int count(List<Integer> kind) {
    kind.add(file.position());
    return file.getInt();
  }

  private void array(List<Integer> kind) {
    int n = count(kind);
    file.position(file.position() + 8 * n);
  }

  private void string() {
    int length = file.getShort() & 0xFFFF;
    file.position(file.position() + length);
  }
}
