package dev.neurite.runtime.io;

import java.io.IOException;

/**
 * A {@code .npy} or {@code .npz} file that cannot be read, or arrays that do not fit a network:
 * not NumPy's format, an element type other than little-endian float32 or float64, Fortran
 * order, truncated data, or shapes other than the network's. The message names the file (and
 * array) and says what to do.
 */
public class NumpyFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that names the file and the problem. */
  public NumpyFormatException(String message) {
    super(message);
  }
}
