package io.copytrade.bench;

import io.copytrade.ports.model.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fan-out: for each follower count of {@link Knobs#fanoutFollowers()}, one leader order at a time, the next
 * {@link Knobs#fanoutGap()} after every follower's copy of the last one arrived: how long after the leader
 * frame the last (and the first) follower's POST came. The gap lets the engine handle the followers' own
 * frames about those copies, which queue on its event thread too; what it has not handled by then delays
 * the next order, and shows.
 */
final class FanOut {
  private static final int WARMUP = 5;
  private static final Duration PER_ORDER = Duration.ofSeconds(60);

  private final Knobs knobs;
  private final Report report;

  FanOut(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void run() {
    report.perFollowerCount(String.format(Locale.ROOT, "fanout  gap %dms  %s", knobs.fanoutGap().toMillis(),
        knobs.limits().label()), knobs.fanoutFollowers(), this::run);
  }

  private void run(int followerCount, String label) throws Exception {
    try (Desk desk = Desk.open(followerCount);
        InProcessEngine engine = InProcessEngine.start(desk, knobs.limits())) {
      report.line(label + "  engine ready in " + engine.startedIn.toMillis() + " ms");
      List<OrderId> orders = new ArrayList<>();
      for (int i = 0; i < WARMUP + knobs.fanoutOrders(); i++) {
        orders.add(desk.leaderPlaces(i));
        int placed = i + 1;
        if (!Leader.await(() -> desk.times.everyFollowerPlaced(placed), PER_ORDER)) {
          report.line(label + "  stopped: not every follower's copy of order " + placed + " came within "
              + PER_ORDER.toSeconds() + " s");
          break;
        }
        Thread.sleep(knobs.fanoutGap().toMillis());
      }
      Copy.Pairing pairing = Copy.pair(desk, orders);
      pairing.unpaired().stream().limit(5).forEach(p -> report.line(label + "  unpaired: " + p));
      List<Copy> copies = pairing.copies().stream().filter(c -> c.order() >= WARMUP).toList();
      Map<Integer, List<Copy>> byOrder = copies.stream().collect(Collectors.groupingBy(Copy::order));
      Latencies last = new Latencies();
      Latencies first = new Latencies();
      byOrder.values().stream().filter(ofOrder -> ofOrder.size() == followerCount).forEach(ofOrder -> {
        last.record(ofOrder.stream().max(Comparator.comparingLong(Copy::lagNanos)).orElseThrow().lagNanos());
        first.record(ofOrder.stream().min(Comparator.comparingLong(Copy::lagNanos)).orElseThrow().lagNanos());
      });
      report.figure(label + "  last follower's POST", last);
      report.figure(label + "  first follower's POST", first);
    }
  }
}
