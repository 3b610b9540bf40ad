package dev.neurite.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OneHotTest {
  @Test
  void encodesAndDecodesBack() {
    int[] labels = {2, 0, 1, 2};
    double[][] rows = OneHot.encode(labels, 3);
    assertArrayEquals(new double[] {0, 0, 1}, rows[0]);
    assertArrayEquals(new double[] {1, 0, 0}, rows[1]);
    assertArrayEquals(labels, OneHot.decode(rows));
  }

  @Test
  void argmaxTakesTheFirstOfTiesAndHandlesNegatives() {
    assertEquals(1, OneHot.argmax(new double[] {0.2, 0.4, 0.4}));
    assertEquals(2, OneHot.argmax(new double[] {-3, -2, -1}));
    assertEquals(0, OneHot.argmax(new double[] {7}));
  }

  @Test
  void encodeIntoOverwritesTheRow() {
    double[] row = {5, 5, 5};
    OneHot.encode(1, row);
    assertArrayEquals(new double[] {0, 1, 0}, row);
  }

  @Test
  void refusesBadInput() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(3, 3));
    assertEquals("label must be in [0, 3), but was 3", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OneHot.encode(-1, 3));
    assertThrows(IllegalArgumentException.class, () -> OneHot.encode(0, 0));
    assertThrows(IllegalArgumentException.class, () -> OneHot.argmax(new double[0]));
    assertThrows(IllegalArgumentException.class,
        () -> OneHot.argmax(new double[] {1, Double.NaN}));
  }
}
