package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.CopyMapping;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Placed copies follow what happened to their orders at the broker. */
class TrackFollowerOrdersTest {
  private final Desk desk = new Desk();
  private final List<Follower> followers = desk.three(UnaryOperator.identity());
  private final ReplicateLeaderOrder replicate = desk.replicateTo(followers);
  private final TrackFollowerOrders track = new TrackFollowerOrders(desk.store, followers, desk.clock);
  private final Frame order = Frame.buy(520);

  @Test
  void fillsPartFillsAndCancelsAtTheBrokerMoveTheCopies() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.PART_TRADED, 65);
    desk.risky.exchange(OrderId.of("RISKY-1"), OrderStatus.CANCELLED, 0);

    List<CopyMapping> changed = track.refresh();

    assertThat(changed).extracting(CopyMapping::follower, CopyMapping::state).containsExactlyInAnyOrder(
        tuple(desk.quarter.id(), CopyState.FILLED),
        tuple(desk.half.id(), CopyState.PART_FILLED),
        tuple(desk.risky.id(), CopyState.CANCELLED));
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FILLED);
    assertThat(desk.store.auditActions()).contains("copy_status_refreshed");
  }

  @Test
  void aSecondPassChangesNothingAndSendsNothing() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    track.refresh();

    assertThat(track.refresh()).isEmpty();
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
  }

  @Test
  void aPassReadsOneStoredOrderForEachOrderThatMovedNotOneForEveryCopy() {
    replicate.handle(order.update());
    replicate.handle(Frame.buy(520).id("L2").later(1).update());
    replicate.handle(Frame.buy(520).id("L3").later(2).update());
    desk.quarter.exchange(OrderId.of("QUARTER-2"), OrderStatus.TRADED, 130);
    int reads = desk.store.followerOrderReads.get();

    List<CopyMapping> changed = track.refresh();

    assertThat(desk.store.followerOrderReads).as("reads of single orders, nine copies").hasValue(reads + 1);
    assertThat(changed).extracting(CopyMapping::leaderOrderId, CopyMapping::state)
        .containsExactly(tuple(OrderId.of("L2"), CopyState.FILLED));
    assertThat(desk.store.followerOrder(OrderId.of("QUARTER-2"))).map(BrokerOrder::status)
        .contains(OrderStatus.TRADED);
    assertThat(track.refresh()).isEmpty();
  }

  @Test
  void theChangesReadOffTheEventThreadAreOnlyTheOrdersThatMoved() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);

    List<TrackFollowerOrders.Change> changes = track.read().changes();

    assertThat(changes).extracting(change -> change.order().orderId()).containsExactly(OrderId.of("QUARTER-1"));
    assertThat(desk.copy(desk.quarter, "entry").state()).as("nothing applied yet").isEqualTo(CopyState.PLACED);
    assertThat(track.apply(changes)).extracting(CopyMapping::follower, CopyMapping::state)
        .containsExactly(tuple(desk.quarter.id(), CopyState.FILLED));
  }

  @Test
  void aChangeReadBeforeAFrameMovedTheCopyFurtherDoesNotUndoIt() {
    replicate.handle(order.update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.PART_TRADED, 65);
    List<TrackFollowerOrders.Change> changes = track.read().changes();
    // Then the rest is cancelled, and the follower's socket says so before the pass is applied.
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.CANCELLED, 65);
    BrokerOrder cancelled = desk.quarter.orderBook().get(0);
    track.onOrderUpdates(List.of(new TrackFollowerOrders.Frame(desk.quarter.id(), cancelled)));

    assertThat(track.apply(changes)).isEmpty();
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.CANCELLED);
    assertThat(desk.store.followerOrder(OrderId.of("QUARTER-1"))).map(BrokerOrder::status)
        .contains(OrderStatus.CANCELLED);
  }

  @Test
  void modificationRecordsKeepTheirStateWhileTheOrderItselfIsTracked() {
    replicate.handle(order.update());
    replicate.handle(order.quantity(780).price("113").later(1).update());
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 195);

    track.refresh();

    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FILLED);
    assertThat(desk.copy(desk.quarter, "entry/m1").state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void framesOfSeveralFollowersTakenTogetherAreAppliedInArrivalOrderInOneTransaction() {
    replicate.handle(order.update());
    OrderId quarterOrder = OrderId.of("QUARTER-1");
    BrokerOrder partFilled = desk.quarter.exchange(quarterOrder, OrderStatus.PART_TRADED, 65).orElseThrow();
    BrokerOrder filled = desk.quarter.exchange(quarterOrder, OrderStatus.TRADED, 130).orElseThrow();
    BrokerOrder cancelled = desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.CANCELLED, 0).orElseThrow();
    BrokerOrder ownOrder = new BrokerOrder(desk.risky.id(), OrderId.of("OWN-1"), Optional.empty(),
        OrderStatus.TRADED, Side.SELL, LeaderOrder.NIFTY_CE_KEY, ProductType.INTRADAY, OrderType.MARKET,
        Validity.DAY, Quantity.of(65), Quantity.of(65), Price.ZERO, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
    int before = desk.store.transactions.get();

    List<CopyMapping> changed = track.onOrderUpdates(List.of(frame(desk.quarter, partFilled),
        frame(desk.half, cancelled), frame(desk.risky, ownOrder), frame(desk.quarter, filled)));

    assertThat(changed).extracting(CopyMapping::follower, CopyMapping::state).containsExactly(
        tuple(desk.quarter.id(), CopyState.PART_FILLED),
        tuple(desk.half.id(), CopyState.CANCELLED),
        tuple(desk.quarter.id(), CopyState.FILLED));
    assertThat(desk.copy(desk.quarter, "entry").state()).isEqualTo(CopyState.FILLED);
    assertThat(desk.store.followerOrder(quarterOrder)).map(BrokerOrder::filledQuantity).contains(Quantity.of(130));
    assertThat(desk.store.followerOrder(OrderId.of("OWN-1"))).as("the follower's own order").isEmpty();
    assertThat(desk.store.transactions.get() - before).isEqualTo(1);
  }

  private static TrackFollowerOrders.Frame frame(FakeAccount follower, BrokerOrder order) {
    return new TrackFollowerOrders.Frame(follower.id(), order);
  }

  @Test
  void aPassOverSomeFollowersComparesAndReportsOnlyThem() {
    replicate.handle(order.update());
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.TRADED, 260);
    desk.quarter.exchange(OrderId.of("QUARTER-1"), OrderStatus.TRADED, 130);
    desk.quarter.failLookups(new IllegalStateException("broker down"));
    Follower half = followers.stream().filter(f -> f.settings().account().equals(desk.half.id())).findFirst()
        .orElseThrow();

    TrackFollowerOrders.Pass pass = new TrackFollowerOrders(desk.store, List.of(half), desk.clock).read();

    assertThat(pass.unread()).as("the quarter was not asked").isEmpty();
    assertThat(pass.changes()).extracting(change -> change.order().orderId()).containsExactly(OrderId.of("HALF-1"));
  }

  @Test
  void aFollowerWhoseBrokerFailsDoesNotStopTheOthers() {
    replicate.handle(order.update());
    desk.half.exchange(OrderId.of("HALF-1"), OrderStatus.TRADED, 260);
    desk.quarter.failLookups(new IllegalStateException("broker down"));

    TrackFollowerOrders.Pass pass = track.read();

    assertThat(pass.unread()).as("its book is to be read again").containsExactly(desk.quarter.id());
    assertThat(track.apply(pass.changes())).extracting(CopyMapping::follower).containsExactly(desk.half.id());
  }
}
