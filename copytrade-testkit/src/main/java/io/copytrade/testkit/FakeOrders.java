package io.copytrade.testkit;

import io.copytrade.ports.model.OrderId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The orders one account received over REST (placements and slices), for assertions: take them one by one
 * with bounded waits, then prove nothing else came. Snapshots show each order's state when taken.
 */
public final class FakeOrders {
  static final Duration DEFAULT_QUIET = Duration.ofMillis(200);

  private final BlockingQueue<OrderId> arrivals = new LinkedBlockingQueue<>();
  private final List<OrderId> received = new CopyOnWriteArrayList<>();
  private final Function<OrderId, FakeOrder> current;

  FakeOrders(Function<OrderId, FakeOrder> current) {
    this.current = current;
  }

  void received(OrderId id) {
    received.add(id);
    arrivals.add(id);
  }

  /** The next order not yet taken, as it stands now; fails if none arrives within {@code timeout}. */
  public FakeOrder awaitNext(Duration timeout) {
    OrderId id = poll(timeout);
    if (id == null) throw new AssertionError("no order arrived within " + timeout);
    return current.apply(id);
  }

  /** Fails if any order not taken with {@link #awaitNext} is here or arrives within 200 ms. */
  public void assertNoMore() {
    assertNoMore(DEFAULT_QUIET);
  }

  /** Fails, listing them, if any orders not yet taken are here or arrive within {@code quietPeriod}. */
  public void assertNoMore(Duration quietPeriod) {
    OrderId first = poll(quietPeriod);
    if (first == null) return;
    List<OrderId> extra = new ArrayList<>(List.of(first));
    arrivals.drainTo(extra);
    throw new AssertionError("expected no more orders but got " + extra.size() + ": "
        + extra.stream().map(current).toList());
  }

  /** Every order received, oldest first, as each stands now. */
  public List<FakeOrder> all() {
    return received.stream().map(current).toList();
  }

  private OrderId poll(Duration timeout) {
    try {
      return arrivals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for orders", e);
    }
  }
}
