package dev.neurite.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StandardizerTest {
  private static final double EPS = 1e-12;

  @Test
  void computesMeansAndPopulationStddevsAndMapsAConstantColumnToZero() {
    Dataset data = Dataset.of(new double[][] {{1, 10, 5}, {3, 10, 5}, {5, 10, 5}},
        new double[3][1]);
    Standardizer s = Standardizer.fit(data);
    assertArrayEquals(new double[] {3, 10, 5}, s.means(), EPS);
    assertArrayEquals(new double[] {Math.sqrt(8.0 / 3), 1, 1}, s.stddevs(), EPS);
    double[] row = {5, 10, 5};
    s.transformInPlace(row);
    assertArrayEquals(new double[] {2 / Math.sqrt(8.0 / 3), 0, 0}, row, EPS);
  }

  @Test
  void fittedOnTheTrainingPartOnly() {
    Dataset data = Dataset.of(new double[][] {{0}, {2}, {100}}, new double[3][1]);
    Split split = new Split(data.subset(new int[] {0, 1}), data.subset(new int[] {2}));
    Standardizer s = Standardizer.fit(split.train());
    assertArrayEquals(new double[] {1}, s.means(), EPS);
    Dataset test = s.transform(split.test());
    assertArrayEquals(new double[] {99}, test.input(0), EPS);
    assertArrayEquals(new double[] {100}, split.test().input(0), EPS);
    assertSame(split.test().target(0), test.target(0));
  }

  @Test
  void transformedTrainingDataHasMeanZeroAndStddevOne() {
    double[][] inputs = new double[20][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = new double[] {i * i, 3 - 0.5 * i};
    }
    Dataset t = Standardizer.fit(Dataset.of(inputs, new double[20][1]))
        .transform(Dataset.of(inputs, new double[20][1]));
    Standardizer again = Standardizer.fit(t);
    assertArrayEquals(new double[] {0, 0}, again.means(), EPS);
    assertArrayEquals(new double[] {1, 1}, again.stddevs(), EPS);
  }

  @Test
  void restoresFromSavedArraysAndCopiesThem() {
    double[] means = {1, 2};
    Standardizer s = Standardizer.of(means, new double[] {2, 4});
    means[0] = 99;
    double[] row = {3, 2};
    s.transformInPlace(row);
    assertArrayEquals(new double[] {1, 0}, row, EPS);
    assertEquals(2, s.size());
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class,
        () -> Standardizer.fit(Dataset.of(new double[0][], new double[0][])));
    assertThrows(IllegalArgumentException.class,
        () -> Standardizer.fit(Dataset.of(new double[][] {{Double.NaN}}, new double[1][1])));
    assertThrows(IllegalArgumentException.class,
        () -> Standardizer.of(new double[] {0}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> Standardizer.of(new double[] {0}, new double[] {1, 1}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Standardizer.of(new double[] {0}, new double[] {1}).transformInPlace(new double[2]));
    assertEquals("row must have length 1, but had length 2", e.getMessage());
  }
}
