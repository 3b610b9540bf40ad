package dev.neurite.onnx;

import java.io.IOException;

/**
 * An ONNX file Neurite cannot import, or a network it cannot export: not an ONNX model, a
 * tensor it cannot read, or an operator, attribute or shape that Neurite's networks cannot
 * express. The message names the file, the node and its operator where there is one, and says
 * what is supported.
 */
public class OnnxException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that says what is wrong, where, and what to do. */
  public OnnxException(String message) {
    super(message);
  }

  /** Creates the exception with its message and the error that caused it. */
  public OnnxException(String message, Throwable cause) {
    super(message, cause);
  }
}
