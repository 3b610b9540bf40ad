package dev.neurite.charts;

import dev.neurite.runtime.train.TrainingHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws loss curves into a PNG with java.awt alone, so that no plotting library is needed. The
 * loss axis is logarithmic: training losses fall over orders of magnitude, and a linear axis
 * would flatten everything after the first epochs.
 *
 * <pre>{@code
 * TrainingHistory history = trainer.fit(net, data);
 * LossChart.write(Paths.get("loss.png"), "iris: loss per epoch", history);
 * }</pre>
 *
 * <p>It lives in its own module, {@code neurite-charts}, because the runtime must run where
 * java.awt does not exist (Android).
 */
public final class LossChart {
  private static final int WIDTH = 800;
  private static final int HEIGHT = 500;
  private static final int LEFT = 80;
  private static final int RIGHT = 30;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final Color[] COLORS = {new Color(31, 119, 180), new Color(255, 127, 14)};

  private LossChart() {}

  /**
   * Writes a chart of the training loss of {@code history}, and of its validation loss when it
   * was measured, against the epoch to {@code png}.
   */
  public static void write(Path png, String title, TrainingHistory history) throws IOException {
    if (history == null) {
      throw new IllegalArgumentException("history must not be null");
    }
    double[] validation = new double[history.epochCount()];
    boolean measured = false;
    for (int e = 0; e < validation.length; e++) {
      validation[e] = history.epochs().get(e).validationLoss();
      measured |= !Double.isNaN(validation[e]);
    }
    write(png, title, new String[] {"training", "validation"}, history.trainLosses(),
        measured ? validation : null);
  }

  /**
   * Writes a chart of one or two series (training loss, then validation loss) against the epoch
   * to {@code png}; a series may be null or hold NaN where nothing was measured.
   */
  public static void write(Path png, String title, String[] names, double[]... series)
      throws IOException {
    if (png == null || title == null || names == null || series == null
        || names.length < series.length) {
      throw new IllegalArgumentException("png, title, names and series must not be null, and "
          + "there must be a name per series");
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      Range range = Range.of(series);
      drawAxes(g, title, range);
      for (int s = 0; s < series.length; s++) {
        if (series[s] != null) {
          drawSeries(g, series[s], range, COLORS[s % COLORS.length]);
          drawLegend(g, names[s], s, COLORS[s % COLORS.length]);
        }
      }
    } finally {
      g.dispose();
    }
    Path parent = png.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (!ImageIO.write(image, "png", png.toFile())) {
      throw new IOException("no PNG writer available for " + png);
    }
  }

  private static void drawAxes(Graphics2D g, String title, Range range) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.drawRect(LEFT, TOP, plotWidth(), plotHeight());
    g.drawString(title, LEFT, TOP - 15);
    g.drawString("epoch", LEFT + plotWidth() / 2 - 15, HEIGHT - 15);
    for (int decade = (int) Math.floor(range.minLog); decade <= range.maxLog; decade++) {
      int y = range.y(decade);
      if (y >= TOP && y <= TOP + plotHeight()) {
        g.setColor(new Color(225, 225, 225));
        g.drawLine(LEFT + 1, y, LEFT + plotWidth() - 1, y);
        g.setColor(Color.BLACK);
        g.drawString("1e" + decade, 15, y + 5);
      }
    }
    for (int k = 0; k <= 4; k++) {
      int epoch = 1 + (int) Math.round((range.epochs - 1) * k / 4.0);
      int x = range.x(epoch - 1);
      g.drawLine(x, TOP + plotHeight(), x, TOP + plotHeight() + 5);
      g.drawString(String.format(Locale.ROOT, "%d", epoch), x - 10, TOP + plotHeight() + 22);
    }
  }

  private static void drawSeries(Graphics2D g, double[] values, Range range, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(2f));
    int previousX = -1;
    int previousY = -1;
    for (int i = 0; i < values.length; i++) {
      if (!(values[i] > 0) || Double.isInfinite(values[i])) {
        previousX = -1;
        continue;
      }
      int x = range.x(i);
      int y = range.y(Math.log10(values[i]));
      if (previousX >= 0) {
        g.drawLine(previousX, previousY, x, y);
      } else {
        g.fillRect(x - 1, y - 1, 3, 3);
      }
      previousX = x;
      previousY = y;
    }
  }

  private static void drawLegend(Graphics2D g, String name, int index, Color color) {
    int y = TOP + 20 + 18 * index;
    g.setColor(color);
    g.fillRect(LEFT + plotWidth() - 170, y - 9, 20, 4);
    g.setColor(Color.BLACK);
    g.drawString(name, LEFT + plotWidth() - 140, y - 3);
  }

  private static int plotWidth() {
    return WIDTH - LEFT - RIGHT;
  }

  private static int plotHeight() {
    return HEIGHT - TOP - BOTTOM;
  }

  /** The epochs and the decades the series span, and the mapping to pixels. */
  private static final class Range {
    final int epochs;
    final double minLog;
    final double maxLog;

    private Range(int epochs, double minLog, double maxLog) {
      this.epochs = epochs;
      this.minLog = minLog;
      this.maxLog = maxLog;
    }

    static Range of(double[]... series) {
      int epochs = 1;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] values : series) {
        if (values == null) {
          continue;
        }
        epochs = Math.max(epochs, values.length);
        for (double v : values) {
          if (v > 0 && !Double.isInfinite(v)) {
            min = Math.min(min, Math.log10(v));
            max = Math.max(max, Math.log10(v));
          }
        }
      }
      if (min > max) {
        return new Range(epochs, -1, 1);
      }
      // Whole decades around the data, at least one, so that the grid lines have labels.
      double low = Math.floor(min);
      double high = Math.max(Math.ceil(max), low + 1);
      return new Range(epochs, low, high);
    }

    int x(int epochIndex) {
      double fraction = epochs == 1 ? 0.5 : epochIndex / (double) (epochs - 1);
      return LEFT + (int) Math.round(fraction * plotWidth());
    }

    int y(double log) {
      double fraction = (log - minLog) / (maxLog - minLog);
      return TOP + plotHeight() - (int) Math.round(fraction * plotHeight());
    }
  }
}
