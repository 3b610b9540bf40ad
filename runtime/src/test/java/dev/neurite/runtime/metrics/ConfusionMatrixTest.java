package dev.neurite.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.data.OneHot;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  private static final double EPS = 1e-15;
  private static final int[] ACTUAL = {0, 0, 0, 1, 1, 2, 2, 2, 2};
  private static final int[] PREDICTED = {0, 0, 1, 1, 1, 2, 2, 2, 0};

  /** Rows true, columns predicted: [[2, 1, 0], [0, 2, 0], [1, 0, 3]]. */
  private static ConfusionMatrix example() {
    return ConfusionMatrix.ofLabels(ACTUAL, PREDICTED, 3);
  }

  @Test
  void countsTrueClassesByRowAndPredictionsByColumn() {
    long[][] expected = {{2, 1, 0}, {0, 2, 0}, {1, 0, 3}};
    ConfusionMatrix m = example();
    for (int t = 0; t < 3; t++) {
      for (int p = 0; p < 3; p++) {
        assertEquals(expected[t][p], m.count(t, p), "count(" + t + ", " + p + ")");
      }
    }
    assertEquals(9, m.total());
    assertEquals(4, m.support(2));
    assertEquals(3, m.predictedCount(0));
    assertEquals(7.0 / 9, m.accuracy(), EPS);
  }

  @Test
  void perClassPrecisionRecallAndF1MatchTheHandComputedValues() {
    ConfusionMatrix m = example();
    assertEquals(2.0 / 3, m.precision(0), EPS);
    assertEquals(2.0 / 3, m.recall(0), EPS);
    assertEquals(2.0 / 3, m.precision(1), EPS);
    assertEquals(1.0, m.recall(1), EPS);
    assertEquals(0.8, m.f1(1), EPS);
    assertEquals(1.0, m.precision(2), EPS);
    assertEquals(0.75, m.recall(2), EPS);
    assertEquals(6.0 / 7, m.f1(2), EPS);
    assertEquals(7.0 / 9, m.macroPrecision(), EPS);
    assertEquals(29.0 / 36, m.macroRecall(), EPS);
    assertEquals((2.0 / 3 + 0.8 + 6.0 / 7) / 3, m.macroF1(), EPS);
  }

  @Test
  void aClassNeverPredictedOrNeverSeenScoresZeroInsteadOfNaN() {
    ConfusionMatrix m = ConfusionMatrix.ofLabels(new int[] {0, 0}, new int[] {0, 0}, 3);
    assertEquals(0, m.precision(1));
    assertEquals(0, m.recall(2));
    assertEquals(0, m.f1(2));
    assertEquals(1.0 / 3, m.macroF1(), EPS);
  }

  @Test
  void readsClassesFromOneHotRowsAndFromOneThresholdedOutput() {
    ConfusionMatrix multi = ConfusionMatrix.of(
        new double[][] {{0.1, 0.7, 0.2}, {0.5, 0.3, 0.2}}, OneHot.encode(new int[] {1, 2}, 3));
    assertEquals(1, multi.count(1, 1));
    assertEquals(1, multi.count(2, 0));
    ConfusionMatrix binary = ConfusionMatrix.of(
        new double[][] {{0.9}, {0.2}, {0.5}, {0.49}}, new double[][] {{1}, {0}, {0}, {1}});
    assertEquals(2, binary.classCount());
    assertEquals(1, binary.count(1, 1));
    assertEquals(1, binary.count(0, 0));
    assertEquals(1, binary.count(0, 1), "0.5 is at the threshold, so class 1");
    assertEquals(1, binary.count(1, 0));
  }

  @Test
  void printsALabelledTableAndAReport() {
    ConfusionMatrix m = example().withClassNames("setosa", "versicolor", "virginica");
    assertEquals(String.join("\n",
        "true\\pred       setosa  versicolor   virginica",
        "setosa               2           1           0",
        "versicolor           0           2           0",
        "virginica            1           0           3"), m.toString());
    String report = m.report();
    assertEquals("class       precision     recall         f1    support", firstLine(report));
    assertTrue(report.contains("\nvirginica      1.0000     0.7500     0.8571          4"),
        report);
    assertTrue(report.contains("\naccuracy                             0.7778          9"),
        report);
    assertEquals("1", example().className(1));
  }

  @Test
  void refusesBadInput() {
    assertThrows(IllegalArgumentException.class, () -> example().withClassNames("a", "b"));
    assertThrows(IllegalArgumentException.class, () -> example().count(3, 0));
    assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.ofLabels(new int[] {0}, new int[] {3}, 3));
    assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.ofLabels(new int[] {0}, new int[] {0, 1}, 3));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConfusionMatrix.of(new double[][] {{1, 0}}, new double[][] {{1, 0, 0}}));
    assertEquals("prediction and target rows must all have length 2, but row 0 had 2 and 3",
        e.getMessage());
  }

  private static String firstLine(String text) {
    return text.substring(0, text.indexOf('\n'));
  }
}
