package dev.neurite.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetTest {
  /** Sample {@code i} has input {@code [i]} so that rows can be told apart. */
  private static Dataset numbered(int n) {
    double[][] inputs = new double[n][];
    double[][] targets = new double[n][];
    for (int i = 0; i < n; i++) {
      inputs[i] = new double[] {i};
      targets[i] = new double[] {1000 + i};
    }
    return Dataset.of(inputs, targets);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 42, -7})
  void splitIsDisjointCompleteAndRepeatable(long seed) {
    Dataset data = numbered(101);
    Split a = data.split(0.8, seed);
    Split b = data.split(0.8, seed);
    assertEquals(81, a.train().size());
    assertEquals(20, a.test().size());
    Set<Double> seen = new HashSet<>();
    for (Dataset part : new Dataset[] {a.train(), a.test()}) {
      for (int i = 0; i < part.size(); i++) {
        assertTrue(seen.add(part.input(i)[0]), "sample in both parts: " + part.input(i)[0]);
        assertEquals(1000 + part.input(i)[0], part.target(i)[0], "input and target stay paired");
      }
    }
    assertEquals(101, seen.size());
    for (int i = 0; i < a.train().size(); i++) {
      assertSame(a.train().input(i), b.train().input(i));
    }
  }

  @Test
  void differentSeedsGiveDifferentSplitsThatAreShuffled() {
    Dataset data = numbered(50);
    Split a = data.split(0.5, 1);
    Split b = data.split(0.5, 2);
    assertNotEquals(order(a.train()), order(b.train()));
    assertNotEquals(order(numbered(25)), order(a.train()));
  }

  @Test
  void everyPartKeepsASample() {
    Split split = numbered(2).split(0.99, 3);
    assertEquals(1, split.train().size());
    assertEquals(1, split.test().size());
  }

  @Test
  void subsetKeepsOrderAndChecksIndices() {
    Dataset subset = numbered(5).subset(new int[] {3, 1});
    assertArrayEquals(new double[] {3}, subset.input(0));
    assertArrayEquals(new double[] {1001}, subset.target(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> numbered(5).subset(new int[] {5}));
    assertEquals("index 0 must be in [0, 5), but was 5", e.getMessage());
  }

  @Test
  void refusesBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> numbered(5).split(0, 1));
    assertThrows(IllegalArgumentException.class, () -> numbered(5).split(1, 1));
    assertThrows(IllegalArgumentException.class, () -> numbered(5).split(Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> numbered(1).split(0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> Dataset.of(null, new double[0][]));
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new double[][] {{1}, null}, new double[2][1]));
    assertFalse(numbered(0).size() > 0);
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 5, 99})
  void stratifiedSplitKeepsEachClassShareAndIsDisjoint(long seed) {
    int[] labels = new int[100];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2; // 70, 20 and 10 samples
    }
    double[][] inputs = new double[labels.length][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = new double[] {i};
    }
    Dataset data = Dataset.of(inputs, OneHot.encode(labels, 3));
    Split split = data.stratifiedSplit(0.8, seed);
    assertArrayEquals(new int[] {56, 16, 8}, classCounts(split.train()));
    assertArrayEquals(new int[] {14, 4, 2}, classCounts(split.test()));
    Set<Double> seen = new HashSet<>();
    for (Dataset part : new Dataset[] {split.train(), split.test()}) {
      for (int i = 0; i < part.size(); i++) {
        assertTrue(seen.add(part.input(i)[0]));
        assertEquals(labels[(int) part.input(i)[0]], OneHot.argmax(part.target(i)));
      }
    }
    assertEquals(order(split.train()), order(data.stratifiedSplit(0.8, seed).train()));
  }

  @Test
  void stratifiedSplitReadsASingleOutputAsTwoClasses() {
    double[][] targets = new double[10][];
    for (int i = 0; i < 10; i++) {
      targets[i] = new double[] {i < 4 ? 1 : 0};
    }
    Split split = Dataset.of(new double[10][1], targets).stratifiedSplit(0.5, 1);
    int positives = 0;
    for (int i = 0; i < split.train().size(); i++) {
      positives += (int) split.train().target(i)[0];
    }
    assertEquals(5, split.train().size());
    assertEquals(2, positives);
    assertThrows(IllegalArgumentException.class,
        () -> Dataset.of(new double[1][1], new double[][] {{1}}).stratifiedSplit(0.5, 1));
  }

  private static int[] classCounts(Dataset part) {
    int[] counts = new int[3];
    for (int i = 0; i < part.size(); i++) {
      counts[OneHot.argmax(part.target(i))]++;
    }
    return counts;
  }

  private static String order(Dataset data) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < data.size(); i++) {
      s.append(data.input(i)[0]).append(' ');
    }
    return s.toString();
  }

  @Test
  void splitsKnowTheRowsOfEachPartAndKeepTheNames() {
    Dataset data = numbered(40).withClassNames(java.util.Arrays.asList("low", "high"));
    for (Split split : new Split[] {data.split(0.75, 9), data.stratifiedSplit(0.75, 9)}) {
      int[] train = split.trainIndices();
      int[] test = split.testIndices();
      assertEquals(split.train().size(), train.length);
      assertEquals(split.test().size(), test.length);
      for (int k = 0; k < train.length; k++) {
        assertSame(data.input(train[k]), split.train().input(k));
      }
      for (int k = 0; k < test.length; k++) {
        assertSame(data.input(test[k]), split.test().input(k));
      }
      assertEquals(data.classNames(), split.test().classNames());
    }
    IllegalStateException unknown = assertThrows(IllegalStateException.class,
        () -> new Split(data, data).trainIndices());
    assertEquals("this split was made from two datasets, so it has no row indices; "
        + "Dataset.split and stratifiedSplit record them", unknown.getMessage());
  }
}
