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
 * The leader at {@link Knobs#rate()} new orders a second for {@link Knobs#duration()}, for each follower count
 * of {@link Knobs#rateFollowers()}: the lag of every copy, and whether it grows (the first 10 s of the leader's
 * orders against the last 10 s). A warm-up at the steady interval comes first and is not counted.
 */
final class LeaderAtRate {
  private static final Duration WINDOW = Duration.ofSeconds(10);

  private final Knobs knobs;
  private final Report report;

  LeaderAtRate(Knobs knobs, Report report) {
    this.knobs = knobs;
    this.report = report;
  }

  void run() {
    report.perFollowerCount(String.format(Locale.ROOT, "rate  %d/s %ds  %s", knobs.rate(), knobs.duration().toSeconds(),
        knobs.limits().label()), knobs.rateFollowers(), this::run);
  }

  private void run(int followerCount, String label) throws Exception {
    try (Desk desk = Desk.open(followerCount);
        InProcessEngine engine = InProcessEngine.start(desk, knobs.limits())) {
      List<OrderId> warmup = Leader.trade(desk, 0, knobs.warmup(), knobs.interval());
      Leader.await(() -> desk.times.everyFollowerPlaced(warmup.size()), knobs.drain());
      desk.times.takeCalls();
      int count = (int) (knobs.rate() * knobs.duration().toSeconds());
      long started = System.nanoTime();
      List<OrderId> measured = Leader.trade(desk, warmup.size(), count, Duration.ofNanos(1_000_000_000L / knobs.rate()));
      report.line(label + "  leader placed " + count + " orders in "
          + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
      int total = warmup.size() + count;
      boolean all = Leader.await(() -> desk.times.everyFollowerPlaced(total), knobs.drain());
      List<OrderId> orders = new ArrayList<>(warmup);
      orders.addAll(measured);
      Copy.Pairing pairing = Copy.pair(desk, orders);
      pairing.unpaired().stream().limit(5).forEach(p -> report.line(label + "  unpaired: " + p));
      List<Copy> copies = pairing.copies().stream().filter(c -> c.order() >= warmup.size()).toList();
      report.line(label + "  copies placed " + copies.size() + " of " + (long) count * followerCount
          + (all ? "" : " within " + knobs.drain().toSeconds() + " s of the leader's last order"));
      int window = (int) (knobs.rate() * WINDOW.toSeconds());
      report.figure(label + "  lag, every copy", lags(copies, 0, total));
      report.figure(label + "  lag, first 10 s", lags(copies, warmup.size(), warmup.size() + window));
      report.figure(label + "  lag, last 10 s", lags(copies, total - window, total));
      if (followerCount > 1) report.figure(label + "  last follower's POST", lastPerOrder(copies, followerCount));
      report.line(label + "  REST calls: " + desk.times.takeCalls());
    }
  }

  private static Latencies lags(List<Copy> copies, int fromOrder, int toOrder) {
    Latencies lags = new Latencies();
    copies.stream().filter(c -> c.order() >= fromOrder && c.order() < toOrder).forEach(c -> lags.record(c.lagNanos()));
    return lags;
  }

  /** Per leader order whose copies all came, the lag of the last of them. */
  private static Latencies lastPerOrder(List<Copy> copies, int followerCount) {
    Latencies last = new Latencies();
    Map<Integer, List<Copy>> byOrder = copies.stream().collect(Collectors.groupingBy(Copy::order));
    byOrder.values().stream().filter(ofOrder -> ofOrder.size() == followerCount).forEach(ofOrder -> last.record(
        ofOrder.stream().max(Comparator.comparingLong(Copy::lagNanos)).orElseThrow().lagNanos()));
    return last;
  }
}
