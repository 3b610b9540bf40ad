package dev.neurite.samples.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.neurite.runtime.data.Dataset;
import org.junit.jupiter.api.Test;

class NeighbourTargetsTest {
  private static final double[][] POINTS = {{0, 0}, {10, 0}, {1, 0}, {10, 2}};

  @Test
  void pairsEveryImageWithItselfThenItsNearestNeighbours() {
    Dataset pairs = NeighbourTargets.of(Dataset.of(POINTS, POINTS), 2);

    assertEquals(8, pairs.size());
    for (int i = 0; i < POINTS.length; i++) {
      assertArrayEquals(POINTS[i], pairs.input(i));
      assertArrayEquals(POINTS[i], pairs.target(i));
      assertArrayEquals(POINTS[i], pairs.input(4 + i));
    }
    assertArrayEquals(POINTS[2], pairs.target(4));
    assertArrayEquals(POINTS[3], pairs.target(5));
    assertArrayEquals(POINTS[0], pairs.target(6));
    assertArrayEquals(POINTS[1], pairs.target(7));
  }

  @Test
  void refusesMoreNeighboursThanImages() {
    assertThrows(IllegalArgumentException.class,
        () -> NeighbourTargets.of(Dataset.of(POINTS, POINTS), 5));
  }
}
