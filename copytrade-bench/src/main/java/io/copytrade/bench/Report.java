package io.copytrade.bench;

import java.io.PrintStream;
import java.util.HashMap;
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
