package io.copytrade.bench;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.testkit.FakeAccount;
import io.copytrade.testkit.FakeOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One follower order placed by the engine, paired with the leader order it copies through its correlation id.
 *
 * @param order the leader order's index, in the order the leader placed them
 * @param arrivedNanos when its POST reached the fake
 * @param lagNanos from the leader order's first frame to that POST
 */
record Copy(int order, AccountId follower, long arrivedNanos, long lagNanos) {
  /** The step name of an entry's correlation id (see the domain's Step). */
  private static final String ENTRY = "entry";
  private static final Duration BOOKED = Duration.ofSeconds(5);

  /** The copies so far and what could not be paired. */
  record Pairing(List<Copy> copies, List<String> unpaired) {}

  /**
   * Pairs each follower's placements, as the wire saw them arrive, with its orders at the fake, taken in the
   * same order: one follower's placements are made one after another, so the k-th arrival is the k-th order.
   */
  static Pairing pair(Desk desk, List<OrderId> leaderOrders) {
    List<Copy> copies = new ArrayList<>();
    List<String> unpaired = new ArrayList<>();
    for (FakeAccount follower : desk.followers) {
      Map<String, Integer> index = new HashMap<>();
      for (int k = 0; k < leaderOrders.size(); k++) {
        index.put(CorrelationId.derive(leaderOrders.get(k), follower.id(), ENTRY).value(), k);
      }
      List<Long> arrivals = desk.times.placements(follower.id());
      // A placement is heard on arrival; the fake books it after any simulated latency.
      Leader.await(() -> follower.orders().all().size() >= arrivals.size(), BOOKED);
      List<FakeOrder> received = follower.orders().all();
      if (received.size() != arrivals.size()) {
        unpaired.add(follower.id() + ": " + arrivals.size() + " placements, " + received.size() + " orders");
        continue;
      }
      for (int i = 0; i < received.size(); i++) {
        Integer k = index.get(received.get(i).correlationId());
        if (k == null) continue; // not an entry copy (a reconciliation order)
        Optional<Long> frame = desk.times.firstFrame(leaderOrders.get(k));
        if (frame.isEmpty()) {
          unpaired.add("leader order " + leaderOrders.get(k) + ": no frame seen");
          continue;
        }
        copies.add(new Copy(k, follower.id(), arrivals.get(i), arrivals.get(i) - frame.get()));
      }
    }
    return new Pairing(copies, unpaired);
  }
}
