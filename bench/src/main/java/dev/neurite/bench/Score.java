package dev.neurite.bench;

/**
 * One measured figure: the mean and the half-width of its 99.9% confidence interval (NaN when
 * the run was too short to have one).
 */
record Score(double value, double error) {
  /** Returns "12,300 ± 41.0", or the value alone when there is no interval. */
  String text() {
    return Double.isNaN(error) ? ReportWriter.number(value)
        : ReportWriter.number(value) + " ± " + ReportWriter.number(error);
  }
}
