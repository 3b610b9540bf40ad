package dev.neurite.processor;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test support: reads a class file far enough to know each method's bytecode size (the
 * {@code code_length} of its {@code Code} attribute, JVMS 4.7.3), the constant pool's size and
 * texts, and the class file's major version.
 */
record ClassFileSizes(int constantPoolCount, Map<String, Integer> methodBytes, int majorVersion,
    List<String> utf8) {

  /** Parses {@code bytes}, a class file. */
  static ClassFileSizes of(byte[] bytes) {
    try {
      return read(new DataInputStream(new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the name and size of the largest method. */
  Map.Entry<String, Integer> largest() {
    return methodBytes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
  }

  private static ClassFileSizes read(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IllegalArgumentException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    int major = in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++; // longs and doubles take two entries
        }
        case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
        case 9, 10, 11, 12, 17, 18 -> in.readInt();
        case 15 -> {
          in.readUnsignedByte();
          in.readUnsignedShort();
        }
        default -> throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
    in.readUnsignedShort(); // access flags
    in.readUnsignedShort(); // this class
    in.readUnsignedShort(); // super class
    in.skipBytes(2 * in.readUnsignedShort()); // interfaces
    int fields = in.readUnsignedShort();
    for (int f = 0; f < fields; f++) {
      in.skipBytes(6);
      skipAttributes(in);
    }
    Map<String, Integer> methods = new LinkedHashMap<>();
    int methodCount = in.readUnsignedShort();
    for (int m = 0; m < methodCount; m++) {
      in.readUnsignedShort(); // access flags
      String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        String attribute = utf8[in.readUnsignedShort()];
        int length = in.readInt();
        if (attribute.equals("Code")) {
          in.readUnsignedShort(); // max stack
          in.readUnsignedShort(); // max locals
          int codeLength = in.readInt();
          methods.put(name, codeLength);
          in.skipBytes(length - 8);
        } else {
          in.skipBytes(length);
        }
      }
    }
    List<String> texts = new ArrayList<>();
    for (String text : utf8) {
      if (text != null) {
        texts.add(text);
      }
    }
    return new ClassFileSizes(count, methods, major, List.copyOf(texts));
  }

  private static void skipAttributes(DataInputStream in) throws IOException {
    int attributes = in.readUnsignedShort();
    for (int a = 0; a < attributes; a++) {
      in.readUnsignedShort();
      in.skipBytes(in.readInt());
    }
  }
}
