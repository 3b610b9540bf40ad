package dev.neurite.processor.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Numbers as string constants, exact to the bit and compact, for classes that carry millions of
 * weights: array initializers cost about 7 bytes of bytecode per value in the static initializer
 * (javac refuses it past 64 KB, about 8,000 values) and a constant-pool entry per distinct value.
 *
 * <p>Each value's IEEE 754 bits (4 bytes in float, 8 in double), big-endian, are written 6 bits
 * per character, using the 64 characters {@code '?'} ({@value #FIRST}) to {@code '~'}: all in
 * the one-byte range of the class file's modified UTF-8, so a value costs 4/3 of its size (about
 * 5.3 bytes per float). Each string holds a whole number of 3-value groups (3 bytes are 4
 * characters) and stays under the class file's 65,535-byte limit for one constant; the last is
 * padded with zero bits. A decoder method, written into the class, turns them back into values.
 */
final class ValueChunks {
  /** The character of the 6-bit value 0; 63 is {@code '~'}. */
  static final int FIRST = '?';
  /** The most UTF-8 bytes of one string constant in a class file. */
  static final int CONSTANT_BYTES = 65535;

  private ValueChunks() {}

  /** Returns {@code values} in {@code t}'s precision as strings of whole 3-value groups. */
  static List<String> encode(double[] values, NumericType t) {
    int bytesPerValue = bytes(t);
    int perChunk = valuesPerChunk(t);
    List<String> chunks = new ArrayList<>();
    for (int from = 0; from < values.length; from += perChunk) {
      int to = Math.min(values.length, from + perChunk);
      byte[] bytes = new byte[(to - from + 2) / 3 * 3 * bytesPerValue];
      for (int k = from; k < to; k++) {
        long bits = t == NumericType.FLOAT ? Float.floatToRawIntBits((float) values[k])
            : Double.doubleToRawLongBits(values[k]);
        for (int b = 0; b < bytesPerValue; b++) {
          bytes[(k - from) * bytesPerValue + b] = (byte) (bits >>> (8 * (bytesPerValue - 1 - b)));
        }
      }
      chunks.add(characters(bytes));
    }
    return chunks;
  }

  /** Returns how many values one string holds: whole 3-value groups under the byte limit. */
  static int valuesPerChunk(NumericType t) {
    int groupChars = 4 * bytes(t); // 3 values of n bytes are 3n bytes, 4n characters
    return CONSTANT_BYTES / groupChars * 3;
  }

  private static int bytes(NumericType t) {
    return t == NumericType.FLOAT ? 4 : 8;
  }

  private static String characters(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length / 3 * 4);
    for (int k = 0; k < bytes.length; k += 3) {
      int group = (bytes[k] & 0xFF) << 16 | (bytes[k + 1] & 0xFF) << 8 | (bytes[k + 2] & 0xFF);
      for (int shift = 18; shift >= 0; shift -= 6) {
        s.append((char) (FIRST + (group >>> shift & 0x3F)));
      }
    }
    return s.toString();
  }

  /**
   * Returns {@code decode(String s, T[] into, int at, int count)}, which writes the first
   * {@code count} values of {@code s} into {@code into} from {@code at}; named
   * {@code decodeFloats} or {@code decodeDoubles}.
   */
  static MethodSpec decoder(NumericType t) {
    boolean floats = t == NumericType.FLOAT;
    return MethodSpec.methodBuilder(decoderName(t))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Writes the first {@code count} values of {@code s} into {@code into} from "
            + "{@code at}: their big-endian IEEE 754 bits, 6 bits per character from '?'.\n")
        .addParameter(String.class, "s")
        .addParameter(t.arrayType(), "into")
        .addParameter(TypeName.INT, "at")
        .addParameter(TypeName.INT, "count")
        .addStatement("int end = at + count")
        .addStatement("$T bits = 0", floats ? TypeName.INT : TypeName.LONG)
        .addStatement("int bytes = 0")
        .beginControlFlow("for (int k = 0; at < end; k += 4)")
        .addStatement("int group = (s.charAt(k) - $L) << 18 | (s.charAt(k + 1) - $L) << 12"
            + " | (s.charAt(k + 2) - $L) << 6 | (s.charAt(k + 3) - $L)",
            FIRST, FIRST, FIRST, FIRST)
        .beginControlFlow("for (int shift = 16; shift >= 0 && at < end; shift -= 8)")
        .addStatement("bits = bits << 8 | group >>> shift & 0xFF")
        .beginControlFlow("if (++bytes == $L)", bytes(t))
        .addStatement(floats ? "into[at++] = Float.intBitsToFloat(bits)"
            : "into[at++] = Double.longBitsToDouble(bits)")
        .addStatement("bytes = 0")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  static String decoderName(NumericType t) {
    return t == NumericType.FLOAT ? "decodeFloats" : "decodeDoubles";
  }
}
