package dev.neurite.samples.support;

import java.io.OutputStream;
import java.io.PrintStream;

/** A print stream that drops everything, so that sample tests keep the build log readable. */
public final class Quiet {
  private Quiet() {}

  /** Returns a stream that discards what is printed to it. */
  public static PrintStream stream() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
