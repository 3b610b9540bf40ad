package dev.neurite.runtime.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded: not a model file, truncated, corrupted, of an unknown
 * version, or holding another network's weights. The message says which, and where.
 */
public class ModelFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file and the problem. */
  public ModelFileException(String message) {
    super(message);
  }
}
