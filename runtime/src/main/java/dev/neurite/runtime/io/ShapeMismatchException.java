package dev.neurite.runtime.io;

/**
 * A model file holding the weights of a network of another shape than the model they are loaded
 * into; the message names both shapes.
 */
public final class ShapeMismatchException extends ModelFileException {
  private static final long serialVersionUID = 1L;

  private final String fileShape;
  private final String modelShape;

  /** Creates the exception for {@code source} holding {@code fileShape}, not {@code modelShape}. */
  public ShapeMismatchException(
      String source, String fileShape, String modelShape, String modelName) {
    super(source + " holds " + fileShape + " but the model " + modelName + " is " + modelShape);
    this.fileShape = fileShape;
    this.modelShape = modelShape;
  }

  /** Returns the shape stored in the file, such as {@code 4-16-3 (relu, softmax)}. */
  public String fileShape() {
    return fileShape;
  }

  /** Returns the shape of the model the file was loaded into. */
  public String modelShape() {
    return modelShape;
  }
}
