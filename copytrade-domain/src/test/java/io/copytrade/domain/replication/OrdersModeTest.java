package io.copytrade.domain.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.domain.replication.ReplicationResult.FollowerFailure;
import io.copytrade.domain.replication.ReplicationResult.RetryLater;
import io.copytrade.domain.sizing.SizingStrategy.CapitalProportional;
import io.copytrade.ports.broker.BrokerUnavailableException;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.store.CopyMapping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Copy mode ORDERS: resting copies follow the leader's modifies and cancels. */
class OrdersModeTest {
  private final Desk desk = new Desk();
  private final ReplicateLeaderOrder replicate = desk.replicateTo(desk.three(UnaryOperator.identity()));
  private final Frame order = Frame.buy(520);

  private void placedAt112() {
    replicate.handle(order.update());
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5");
  }

  private void assertEachCopyPlacedThenCancelled() {
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "cancel QUARTER-1");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "cancel HALF-1");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5", "cancel RISKY-1");
  }

  @Test
  void aCopyStillRestingAfterItsLeaderOrderTradedIsSentAtMarketOnceItHadItsChanceToFill() {
    placedAt112();
    desk.clock.advance(Duration.ofSeconds(1));
    Frame traded = order.filled(520).later(1);

    ReplicationResult soon = replicate.replicate(traded.update());
    desk.clock.advance(RestingCopies.CHASE_AFTER);
    replicate.handle(traded.update()); // the event handled again, as its retry does

    assertThat(soon.retryLater()).extracting(RetryLater::reason).first().asString()
        .contains("still rests after the leader's order traded; sent at market unless it fills within 5 s");
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 MARKET 0");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 260 MARKET 0");
  }

  @Test
  void theLeaderOrdersNextEventFindsEachCopyAsItWasPlacedWithoutReadingItAtTheBroker() {
    // The copies were accepted in TRANSIT; their own sockets have not reported them yet.
    placedAt112();

    replicate.handle(order.later(1).update());

    assertThat(List.of(desk.quarter, desk.half, desk.risky)).allSatisfy(follower -> {
      assertThat(follower.orderReads).as("order reads of %s", follower.id()).isZero();
      assertThat(follower.writes).hasSize(1);
    });
  }

  @Test
  void aRestingOrdersNextFrameThatChangesNothingWalksNoFollowerOnceEveryCopyIsPlaced() {
    replicate.handle(order.status(OrderStatus.TRANSIT).update());
    int reads = desk.store.followerOrderReads.get();

    List<CopyMapping> copies = replicate.handle(order.status(OrderStatus.PENDING).later(1).update());
    replicate.handle(order.later(2).update());

    assertThat(desk.store.followerOrderReads).as("follower orders read").hasValue(reads);
    assertThat(copies).extracting(CopyMapping::follower, CopyMapping::state).containsExactly(
        tuple(desk.quarter.id(), CopyState.PLACED), tuple(desk.half.id(), CopyState.PLACED),
        tuple(desk.risky.id(), CopyState.PLACED));
    // A frame that changes what the copies follow still reaches every follower.
    replicate.handle(order.price("113").later(3).update());
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 LIMIT 113");
    assertThat(desk.store.followerOrderReads).hasValue(reads + 3);
  }

  @Test
  void aFollowerTheLastFrameFailedForIsWalkedAtTheNextEvenWhenItChangesNothing() {
    desk.quarter.funds(() -> {
      throw new BrokerUnavailableException(null, "GET fundlimit: connection refused", null);
    });
    ReplicationResult transit = replicate.replicate(order.status(OrderStatus.TRANSIT).update());
    desk.quarter.funds(() -> new Funds(desk.quarter.id(), Money.ofRupees("250000"), Money.ofRupees("250000"),
        Money.ZERO));

    replicate.handle(order.status(OrderStatus.PENDING).later(1).update());

    assertThat(transit.failures()).extracting(FollowerFailure::follower).containsExactly(desk.quarter.id());
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5");
  }

  @Test
  void aModifiedLeaderOrderModifiesEachCopyToItsOwnSizeOnceEvenWhenTheFrameRepeats() {
    placedAt112();

    replicate.handle(order.quantity(780).price("113").later(1).update());
    replicate.handle(order.update());

    // 780 contracts: 0.25 -> 195, 0.5 -> 390; risk-based sizes by capital and premium, so only the price moves.
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 195 LIMIT 113");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 390 LIMIT 113");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5", "modify RISKY-1 195 LIMIT 113");
    assertThat(desk.copy(desk.quarter, "entry/m1").state()).isEqualTo(CopyState.PLACED);
  }

  @Test
  void aLimitOrderFirstSeenTradedInFullIsCopiedAtMarket() {
    // Seen first after a reconnect: nothing of it rests, and its limit may be a price the market has left.
    desk.carries(desk.leader, LeaderOrder.NIFTY_CE_KEY, 520);
    replicate.handle(order.filled(520).update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 MARKET 0");
    assertThat(desk.half.writes).containsExactly("place BUY 260 MARKET 0");
  }

  @Test
  void aCancelledLeaderOrderCancelsEveryOpenCopy() {
    placedAt112();

    List<CopyMapping> copies = replicate.handle(order.status(OrderStatus.CANCELLED).update());

    assertEachCopyPlacedThenCancelled();
    assertThat(copies).extracting(CopyMapping::state).containsOnly(CopyState.CANCELLED);
  }

  @ParameterizedTest
  @EnumSource(value = OrderStatus.class, names = {"REJECTED", "EXPIRED"})
  void aLeaderOrderRejectedOrExpiredAfterPlacementCancelsTheCopies(OrderStatus status) {
    placedAt112();

    replicate.handle(order.status(status).update());

    assertThat(desk.quarter.writes).endsWith("cancel QUARTER-1").hasSize(2);
    assertThat(desk.half.writes).endsWith("cancel HALF-1").hasSize(2);
    assertThat(desk.risky.writes).endsWith("cancel RISKY-1").hasSize(2);
  }

  @Test
  void aCancelRefusedInTransitIsReturnedToRetryAndDoneWhenRetried() {
    placedAt112();
    desk.half.nextCancel(() -> new PlacementResult.InTransit("DH-906", "Order is in Transit state"));

    ReplicationResult first = replicate.replicate(order.status(OrderStatus.CANCELLED).update());
    assertThat(first.retryLater()).extracting(r -> r.copy().follower(), RetryLater::reason)
        .containsExactly(tuple(desk.half.id(), "DH-906: Order is in Transit state"));
    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.PLACED);

    ReplicationResult retried = replicate.replicate(first.retryLater().get(0).update());

    assertThat(retried.retryLater()).isEmpty();
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "cancel QUARTER-1");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "cancel HALF-1", "cancel HALF-1");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5", "cancel RISKY-1");
    assertThat(desk.copy(desk.half, "entry").state()).isEqualTo(CopyState.CANCELLED);
  }

  @Test
  void aLeaderOrderFilledWhileTheCopiesRestLeavesThemAlone() {
    placedAt112();

    replicate.handle(order.filled(260).update());
    replicate.handle(order.filled(520).update());

    assertThat(desk.quarter.writes).hasSize(1);
    assertThat(desk.half.writes).hasSize(1);
    assertThat(desk.risky.writes).hasSize(1);
  }

  @Test
  void aQuantityCutBelowWhatTheCopyFilledCancelsTheRest() {
    placedAt112();
    desk.fills(desk.quarter, OrderId.of("QUARTER-1"), OrderStatus.PART_TRADED, 65);

    replicate.handle(order.quantity(260).later(1).update());

    // QUARTER: 0.25 x 260 = 65, all of it filled already: cancel. HALF: 130 of its 260.
    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "cancel QUARTER-1");
    assertThat(desk.half.writes).containsExactly("place BUY 260 LIMIT 112.5", "modify HALF-1 130 LIMIT 112.5");
    assertThat(desk.risky.writes).containsExactly("place BUY 195 LIMIT 112.5");
  }

  @Test
  void anOlderFrameArrivingLateChangesNothing() {
    placedAt112();
    replicate.handle(order.price("113").later(1).update());

    replicate.handle(order.price("112.50").later(-1).update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 LIMIT 113");
  }

  @Test
  void aCancelStampedBeforeTheLastEventSeenStillCancelsEveryCopy() {
    placedAt112();
    // A catch-up's reconstruction stamped later than Dhan's own time for the cancel that follows.
    replicate.handle(order.later(2).update());

    replicate.handle(order.status(OrderStatus.CANCELLED).later(-1).update());

    assertEachCopyPlacedThenCancelled();
  }

  @Test
  void theSameOrderStampedEarlierKeepsTheLaterStampAgainstLateFrames() {
    placedAt112();
    replicate.handle(order.price("113").later(2).update());
    // The book shows the same order stamped earlier; then a frame from before the modify arrives late.
    replicate.handle(order.later(-1).update());

    replicate.handle(order.price("112.50").update());

    assertThat(desk.quarter.writes).containsExactly("place BUY 130 LIMIT 112.5", "modify QUARTER-1 130 LIMIT 113");
  }

  @Test
  void pastTwentyFiveModificationsTheCopyIsCancelledAndReplaced() {
    ReplicateLeaderOrder alone = desk.replicateTo(List.of(Desk.follower(desk.quarter, new CapitalProportional())));
    alone.handle(order.update());
    // 25 prices a tick (5 paise) apart: 112.55 ... 113.75.
    for (int i = 1; i <= 25; i++) {
      alone.handle(order.price(new BigDecimal("112.50").add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(i)))
          .toPlainString()).later(1).update());
    }
    desk.fills(desk.quarter, OrderId.of("QUARTER-1"), OrderStatus.PART_TRADED, 65);

    alone.handle(order.price("113").later(1).update());
    alone.handle(order.update());

    List<String> writes = desk.quarter.writes;
    assertThat(writes).hasSize(28);
    assertThat(writes.subList(1, 26)).allMatch(w -> w.startsWith("modify QUARTER-1 130 LIMIT 11"));
    assertThat(writes.subList(26, 28)).containsExactly("cancel QUARTER-1", "place BUY 65 LIMIT 113");
    assertThat(desk.copy(desk.quarter, "entry/r1").followerOrderId()).contains(OrderId.of("QUARTER-2"));
  }
}
