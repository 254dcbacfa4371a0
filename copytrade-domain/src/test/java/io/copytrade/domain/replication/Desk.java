package io.copytrade.domain.replication;

import io.copytrade.domain.risk.RiskRule;
import io.copytrade.domain.sizing.SizingStrategy;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.domain.sizing.SizingStrategy.FixedRatio;
import io.copytrade.domain.sizing.SizingStrategy.RiskBased;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.CopyMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * What every replication test starts from: a leader with 10 lakh, the NIFTY call in the catalogue, an empty
 * store, a clock at 09:16 IST, and three followers with different strategies that copy 520 contracts as
 * QUARTER 130 (capital 2.5 lakh, proportional), HALF 260 (fixed ratio 0.5) and RISKY 195 (10 % of 2.5 lakh
 * at 112.50 = 3 lots).
 */
final class Desk {
  static final Instant START = Instant.parse("2026-01-05T03:46:00Z");

  final TestClock clock = new TestClock(START);
  final FakeStore store = new FakeStore();
  /** Shared by every replication and resolution of this desk, as in one engine. */
  final DeferredCopies deferred = new DeferredCopies();
  final FakeCatalogue catalogue = new FakeCatalogue().with(LeaderOrder.NIFTY_CE);
  final FakeAccount leader = new FakeAccount("LEADER", "1000000");
  final CapitalBook capital = new CapitalBook(clock, Duration.ofMinutes(5));
  final FakeAccount quarter = new FakeAccount("QUARTER", "250000");
  final FakeAccount half = new FakeAccount("HALF", "250000");
  final FakeAccount risky = new FakeAccount("RISKY", "250000");

  static Follower follower(FakeAccount account, SizingStrategy sizing, RiskRule... rules) {
    return new Follower(new FollowerSettings(account.id(), sizing, List.of(rules)), account);
  }

  /** The three followers, each with its settings changed by {@code change}. */
  List<Follower> three(UnaryOperator<FollowerSettings> change) {
    return List.of(changed(follower(quarter, new CapitalProportional()), change),
        changed(follower(half, new FixedRatio(new BigDecimal("0.5"))), change),
        changed(follower(risky, new RiskBased(BigDecimal.TEN)), change));
  }

  ReplicateLeaderOrder replicateTo(List<Follower> followers) {
    return replicateTo(followers, Runnable::run);
  }

  ReplicateLeaderOrder replicateTo(List<Follower> followers, Executor fanOut) {
    return new ReplicateLeaderOrder(store, catalogue, leader, new FollowerRoster(followers, store, clock), capital,
        clock, fanOut, deferred);
  }

  /**
   * The account holds {@code net} of the instrument, all of it carried into today from earlier days: both
   * its broker's positions and the engine's ledger (see {@link PositionLedger}) show it.
   */
  void carries(FakeAccount account, InstrumentKey instrument, int net) {
    account.holds(instrument, net);
    store.carry(account.id(), clock.instant().atZone(PositionLedger.IST).toLocalDate(), instrument,
        ProductType.INTRADAY, net);
  }

  /**
   * The exchange fills the follower's order to {@code filled}, and the follower's own socket tells the engine
   * so, as it does between leader events.
   */
  void fills(FakeAccount follower, OrderId orderId, OrderStatus status, int filled) {
    BrokerOrder order = follower.exchange(orderId, status, filled).orElseThrow();
    new TrackFollowerOrders(store, List.of(), clock).onOrderUpdates(
        List.of(new TrackFollowerOrders.Frame(follower.id(), order)));
  }

  /** The follower's copy for {@code step} of leader order L-1, as stored. */
  CopyMapping copy(FakeAccount follower, String step) {
    return store.find(CorrelationId.derive(OrderId.of("L-1"), follower.id(), step)).orElseThrow();
  }

  List<String> steps(FakeAccount follower) {
    return store.copies.values().stream().filter(c -> c.follower().equals(follower.id()))
        .map(CopyMapping::step).toList();
  }

  static Follower changed(Follower follower, UnaryOperator<FollowerSettings> change) {
    return new Follower(change.apply(follower.settings()), follower.broker());
  }
}
