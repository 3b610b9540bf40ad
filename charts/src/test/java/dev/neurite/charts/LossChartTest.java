package dev.neurite.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.neurite.runtime.train.EpochResult;
import dev.neurite.runtime.train.StopReason;
import dev.neurite.runtime.train.TrainingHistory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossChartTest {
  private static TrainingHistory history(boolean validation) {
    List<EpochResult> epochs = new ArrayList<>();
    for (int e = 1; e <= 50; e++) {
      epochs.add(new EpochResult(e, 1.0 / e, validation ? 1.2 / e : Double.NaN, Double.NaN,
          Double.NaN, 0.01));
    }
    return new TrainingHistory(epochs, StopReason.COMPLETED, 50);
  }

  @Test
  void drawsTrainingAndValidationCurvesInTheirColours(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("charts/loss.png");
    LossChart.write(png, "test: loss per epoch", history(true));
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(800, image.getWidth());
    assertEquals(500, image.getHeight());
    assertTrue(count(image, 0x1F77B4) > 300, "training curve (blue) pixels");
    assertTrue(count(image, 0xFF7F0E) > 300, "validation curve (orange) pixels");
  }

  @Test
  void leavesOutAValidationCurveThatWasNotMeasured(@TempDir Path dir) throws IOException {
    Path png = dir.resolve("loss.png");
    LossChart.write(png, "test", history(false));
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(count(image, 0x1F77B4) > 300);
    assertEquals(0, count(image, 0xFF7F0E));
  }

  @Test
  void refusesMissingArguments(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class,
        () -> LossChart.write(dir.resolve("x.png"), "t", (TrainingHistory) null));
    assertThrows(IllegalArgumentException.class,
        () -> LossChart.write(dir.resolve("x.png"), "t", new String[0], new double[] {1}));
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        n += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
      }
    }
    return n;
  }
}
