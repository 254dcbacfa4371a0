package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.FOLLOWER_A;
import static io.copytrade.sqlite.Fixtures.LEADER;
import static io.copytrade.sqlite.Fixtures.NIFTY_CE;
import static io.copytrade.sqlite.Fixtures.T0;
import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.followerOrder;
import static io.copytrade.sqlite.Fixtures.intent;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;

import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.LedgerCopy;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the position ledger reads back: orders in the order first stored, copies with their fills, carries. */
class LedgerTest extends OpenStore {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

  @Test
  void leaderOrdersComeInTheOrderFirstStoredWithTheirLatestFill() {
    store.recordLeaderEvent(leaderOrder("L2", OrderStatus.PENDING, 0, at(0)), at(1));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(2)), at(3));
    store.recordLeaderEvent(leaderOrder("L2", OrderStatus.PART_TRADED, 130, at(4)), at(5)); // keeps its place

    assertThat(store.leaderOrdersIn(LEADER, NIFTY_CE, ProductType.MARGIN, T0))
        .extracting(o -> o.orderId().value() + " " + o.status() + " " + o.signedFill())
        .containsExactly("L2 PART_TRADED 130", "L1 TRADED 520");
  }

  @Test
  void leaderOrdersOfAnotherPositionOrStoredBeforeTheDayAreLeftOut() {
    store.recordLeaderEvent(leaderOrder("L0", OrderStatus.TRADED, 520, at(0)), at(-1)); // yesterday, say
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(0)), at(1));

    assertThat(store.leaderOrdersIn(LEADER, NIFTY_CE, ProductType.MARGIN, at(0)))
        .extracting(o -> o.orderId().value()).containsExactly("L1");
    assertThat(store.leaderOrdersIn(LEADER, NIFTY_CE, ProductType.INTRADAY, T0)).isEmpty();
    assertThat(store.leaderOrdersIn(LEADER, InstrumentKey.of(ExchangeSegment.NSE_FNO, "1"), ProductType.MARGIN,
        T0)).isEmpty();
  }

  @Test
  void aCopyComesWithItsLeaderOrdersProductAndStatusAndWhatItsOrderFilled() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(0)), at(1));
    CopyMapping copy = intent("L1", FOLLOWER_A, "entry", at(2));
    store.recordIntent(copy);
    store.update(copy.moveTo(CopyState.PLACED, Optional.of(OrderId.of("F1")), Optional.empty(), at(3)));
    store.recordFollowerOrder(followerOrder("F1", copy.correlationId(), OrderStatus.PART_TRADED), at(4));

    List<LedgerCopy> copies = store.copiesIn(FOLLOWER_A, NIFTY_CE, T0);

    assertThat(copies).singleElement().satisfies(c -> {
      assertThat(c.copy().state()).isEqualTo(CopyState.PLACED);
      assertThat(c.product()).contains(ProductType.MARGIN);
      assertThat(c.leader()).hasValueSatisfying(leader -> assertThat(leader.orderId().value() + " "
          + leader.status() + " " + leader.filled() + "/" + leader.quantity()).isEqualTo("L1 TRADED 520/520"));
      assertThat(c.followerFilled()).contains(Quantity.ZERO);
    });
  }

  @Test
  void aReconciliationCopyHasNoLeaderOrderAndACopyNotYetPlacedNoFill() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(0)), at(1));
    store.recordIntent(intent("L1", FOLLOWER_A, "entry", at(2)));
    store.recordIntent(intent("reconcile:r1:NSE_FNO:35191:MARGIN", FOLLOWER_A, "reconcile-close", at(3)));

    assertThat(store.copiesIn(FOLLOWER_A, NIFTY_CE, T0))
        .extracting(c -> c.copy().step() + " " + c.product().isPresent() + " " + c.followerFilled().isPresent())
        .containsExactly("entry true false", "reconcile-close false false");
  }

  @Test
  void whatAnAccountCarriedIntoADayIsStoredOnceAndAddsUpPerPosition() {
    Position first = carried(ProductType.MARGIN, 390);
    Position again = carried(ProductType.MARGIN, -65);

    assertThat(store.carriedForwardRecorded(LEADER, DAY)).isFalse();
    assertThat(store.recordCarriedForward(LEADER, DAY, List.of(first, again, carried(ProductType.INTRADAY, 0)),
        at(0))).isTrue();
    assertThat(store.recordCarriedForward(LEADER, DAY, List.of(carried(ProductType.MARGIN, 9)), at(1))).isFalse();

    assertThat(store.carriedForwardRecorded(LEADER, DAY)).isTrue();
    assertThat(store.carriedForward(LEADER, DAY, NIFTY_CE, ProductType.MARGIN)).contains(325);
    assertThat(store.carriedForward(LEADER, DAY, NIFTY_CE, ProductType.INTRADAY)).isEmpty();
    assertThat(store.carriedForward(LEADER, DAY.plusDays(1), NIFTY_CE, ProductType.MARGIN)).isEmpty();
    assertThat(store.carriedForwardRecorded(FOLLOWER_A, DAY)).isFalse();
  }

  private static Position carried(ProductType product, int units) {
    return new Position(LEADER, NIFTY_CE, product, units + 65, Price.ZERO, Price.ZERO, Money.ZERO, Money.ZERO,
        units);
  }
}
