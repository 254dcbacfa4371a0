package io.copytrade.bench;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Where figures go: one line each on standard output, and the floors kept to compare the engine with. */
final class Report {
  private final PrintStream out;
  private final Map<String, Latencies> floors = new HashMap<>();

  Report(PrintStream out) {
    this.out = out;
  }

  void line(String text) {
    out.println(text);
    out.flush();
  }

  /** A scenario run once per follower count; {@code run} gets the count and its label. */
  interface PerCount {
    void run(int followers, String label) throws Exception;
  }

  /**
   * Runs {@code scenario} for each count, each labelled {@code prefix} and the count; a count that fails is
   * reported and the next still runs.
   */
  void perFollowerCount(String prefix, List<Integer> counts, PerCount scenario) {
    for (int followers : counts) {
      String label = String.format(Locale.ROOT, "%s  %3d follower%s", prefix, followers, followers == 1 ? " " : "s");
      try {
        scenario.run(followers, label);
      } catch (Exception e) {
        line(label + "  failed: " + e);
      }
    }
  }

  void figure(String label, Latencies latencies) {
    line(latencies.line(label));
  }

  void floor(String name, Latencies latencies) {
    floors.put(name, latencies);
  }

  /** The engine's p50 and p99 as multiples of the floor's of the same name, when it was measured in this run. */
  void againstFloor(String floorName, String label, Latencies engine) {
    Optional.ofNullable(floors.get(floorName)).filter(f -> f.count() > 0 && engine.count() > 0)
        .ifPresent(floor -> line(String.format(Locale.ROOT, "%-58s p50 x%.1f  p99 x%.1f  (p50 +%.2f ms)", label,
            engine.percentileMillis(50) / floor.percentileMillis(50),
            engine.percentileMillis(99) / floor.percentileMillis(99),
            engine.percentileMillis(50) - floor.percentileMillis(50))));
  }
}
