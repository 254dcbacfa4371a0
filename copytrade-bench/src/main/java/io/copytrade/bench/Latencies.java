package io.copytrade.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Durations in nanoseconds, summed up as one printed line of percentiles in milliseconds. */
final class Latencies {
  /** An hour, at three significant digits: a copy later than that is a failure, not a figure. */
  private static final long HIGHEST = 3_600_000_000_000L;

  private final Histogram histogram = new Histogram(HIGHEST, 3);

  static Latencies of(long... nanos) {
    Latencies latencies = new Latencies();
    for (long n : nanos) latencies.record(n);
    return latencies;
  }

  void record(long nanos) {
    histogram.recordValue(Math.max(0, Math.min(nanos, HIGHEST)));
  }

  long count() {
    return histogram.getTotalCount();
  }

  double percentileMillis(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  /** The sum of the durations, to the histogram's three significant digits. */
  double totalMillis() {
    return histogram.getMean() * count() / 1e6;
  }

  /** e.g. {@code engine  1 follower  frame->POST     N=300  p50=1.23 p95=… p99=… max=… ms}. */
  String line(String label) {
    if (count() == 0) return String.format(Locale.ROOT, "%-58s N=0", label);
    return String.format(Locale.ROOT, "%-58s N=%-6d p50=%s p95=%s p99=%s max=%s ms", label, count(),
        millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(95)),
        millis(histogram.getValueAtPercentile(99)), millis(histogram.getMaxValue()));
  }

  private static String millis(long nanos) {
    double ms = nanos / 1e6;
    return String.format(Locale.ROOT, ms < 10 ? "%.3f" : ms < 1000 ? "%.1f" : "%.0f", ms);
  }
}
