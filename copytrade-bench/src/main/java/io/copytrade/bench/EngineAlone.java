package io.copytrade.bench;

import io.copytrade.ports.model.OrderId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's own memory and GC: {@code copytrade run} in its own JVM (the fake stays in this one) with
 * {@link Knobs#rssFollowers()} followers, the leader at {@link Knobs#rate()} orders a second for
 * {@link Knobs#rssDuration()} (after the warm-up); then its peak RSS and every GC pause. It runs with Dhan's limits, as the
 * command line always does.
 */
final class EngineAlone {
  private static final Duration SETTLE = Duration.ofSeconds(3);

  private final Knobs knobs;
  private final Report report;

  EngineAlone(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void run() throws Exception {
    String jvm = knobs.engineJvm().isEmpty() ? "default JVM options" : String.join(" ", knobs.engineJvm());
    String label = String.format(Locale.ROOT, "rss  %d followers  %d/s %ds  (%s)", knobs.rssFollowers(),
        knobs.rate(), knobs.rssDuration().toSeconds(), jvm);
    Path dir = Files.createTempDirectory("copytrade-bench-rss-");
    try (Desk desk = Desk.open(knobs.rssFollowers());
        EngineChild engine = EngineChild.start(desk, dir, knobs.engineJvm())) {
      if (engine.awaitReady(InProcessEngine.READY_TIMEOUT).isEmpty()) {
        report.line(label + "  the engine was not ready within " + InProcessEngine.READY_TIMEOUT + "; its log: "
            + dir);
        return;
      }
      Thread.sleep(SETTLE.toMillis());
      List<OrderId> orders = new ArrayList<>(Leader.trade(desk, 0, knobs.warmup(), knobs.interval()));
      int count = (int) (knobs.rate() * knobs.rssDuration().toSeconds());
      orders.addAll(Leader.trade(desk, orders.size(), count, Duration.ofNanos(1_000_000_000L / knobs.rate())));
      boolean all = Leader.await(() -> desk.times.everyFollowerPlaced(orders.size()), knobs.drain());
      long peakKb = engine.peakRssKb().orElse(-1L);
      Latencies pauses = engine.gcPauses();
      // Paired before the stop: a stopping engine still finishes the events in hand, which are not the drain's.
      List<Copy> copies = Copy.pair(desk, orders).copies().stream().filter(c -> c.order() >= knobs.warmup())
          .toList();
      int status = engine.stop();
      report.line(String.format(Locale.ROOT, "%s  peak RSS %d MB (VmHWM of the engine's JVM)", label,
          peakKb / 1024));
      report.figure(label + "  GC pauses", pauses);
      report.line(String.format(Locale.ROOT, "%s  GC pauses total %.0f ms; copies placed %d of %d%s; exit %d",
          label, pauses.totalMillis(), copies.size(),
          (long) count * knobs.rssFollowers(), all ? "" : " within " + knobs.drain().toSeconds()
              + " s of the leader's last order", status));
      Latencies lags = new Latencies();
      copies.forEach(c -> lags.record(c.lagNanos()));
      report.figure(label + "  lag, every copy (engine in its own JVM)", lags);
    }
    TempDirs.delete(dir);
  }
}
