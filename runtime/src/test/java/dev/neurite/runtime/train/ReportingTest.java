package dev.neurite.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.neurite.runtime.optim.Adam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The history as CSV and the console progress lines. */
class ReportingTest {
  @Test
  void csvHasAHeaderAndOneExactLinePerEpochWithEmptyFieldsForWhatWasNotMeasured()
      throws IOException {
    TrainingHistory history = Trainer.builder().optimizer(new Adam(0.01)).epochs(2)
        .build().fit(Fixtures.linearNetwork(1), Fixtures.linear(), Fixtures.linear());
    EpochResult first = history.epochs().get(0);
    String[] lines = history.toCsv().split("\n", -1);
    assertEquals(4, lines.length);
    assertEquals("epoch,train_loss,val_loss,train_accuracy,val_accuracy,learning_rate", lines[0]);
    assertEquals("1," + first.trainLoss() + "," + first.validationLoss() + ",,,0.01", lines[1]);
    assertEquals("", lines[3]);
    StringWriter out = new StringWriter();
    history.writeCsv(out);
    assertEquals(history.toCsv(), out.toString());
  }

  @Test
  void csvNumbersIgnoreTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      EpochResult r = new EpochResult(1, 0.25, Double.NaN, 0.5, Double.NaN, 1e-3);
      String csv = new TrainingHistory(Arrays.asList(r), StopReason.COMPLETED, 1).toCsv();
      assertEquals(TrainingHistory.CSV_HEADER + "\n1,0.25,,0.5,,0.001\n", csv);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void consolePrintsEpochLossAccuracyElapsedAndEta() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true);
    long[] now = {0};
    // Each reading of the fake clock advances it by one second.
    ConsoleProgressListener console =
        new ConsoleProgressListener(out, () -> (now[0] += 1_000_000_000L), 2);
    TrainingHistory history = Trainer.builder().optimizer(new Adam(0.01)).epochs(4)
        .listener(console).build().fit(Fixtures.xorNetwork(1), Fixtures.xor());
    String[] lines = new String(bytes.toByteArray(), StandardCharsets.UTF_8).split("\\R");
    assertEquals("training Xor: 33 parameters, 4 epochs of 1 batches", lines[0]);
    assertEquals("epoch 1/4 - loss " + fourDigits(history.epochs().get(0).trainLoss())
        + " - accuracy " + String.format(Locale.ROOT, "%.4f",
            history.epochs().get(0).trainAccuracy())
        + " - 1.0s elapsed, ETA 3.0s", lines[1]);
    assertEquals("epoch 2/4", lines[2].substring(0, 9));
    assertEquals(" - 2.0s elapsed, ETA 2.0s", lines[2].substring(lines[2].indexOf(" - 2.0s")));
    assertEquals(" - 3.0s elapsed, ETA 0.0s", lines[3].substring(lines[3].indexOf(" - 3.0s")));
    assertEquals("stopped after 4 epochs (completed), best epoch 4, 4.0s", lines[4]);
    assertEquals(5, lines.length);
  }

  private static String fourDigits(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }
}
