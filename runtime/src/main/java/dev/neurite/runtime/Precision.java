package dev.neurite.runtime;

/** The floating-point type a generated network computes and stores its parameters in. */
public enum Precision {
  /** 32-bit {@code float}: half the memory, and twice the values per vector instruction. */
  FLOAT,
  /** 64-bit {@code double}. */
  DOUBLE
}
