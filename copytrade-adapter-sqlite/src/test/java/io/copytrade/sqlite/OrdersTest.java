package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.FOLLOWER_A;
import static io.copytrade.sqlite.Fixtures.FOLLOWER_B;
import static io.copytrade.sqlite.Fixtures.LEADER;
import static io.copytrade.sqlite.Fixtures.at;
import static io.copytrade.sqlite.Fixtures.followerOrder;
import static io.copytrade.sqlite.Fixtures.leaderOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentType;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.LotSize;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.Quantity;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrdersTest extends OpenStore {
  private static final String ORDER = "SELECT * FROM orders WHERE order_id = ?";

  @Test
  void anIdenticalFrameIsADuplicateAndAFurtherFillIsNot() {
    LeaderOrderUpdate pending = leaderOrder("L1", OrderStatus.PENDING, 0, at(0));

    assertThat(store.recordLeaderEvent(pending, at(1))).isTrue();
    assertThat(store.recordLeaderEvent(pending, at(2))).isFalse();
    assertThat(store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PART_TRADED, 65, at(5)), at(6))).isTrue();
    assertThat(store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PART_TRADED, 130, at(7)), at(8))).isTrue();
    assertThat(store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PART_TRADED, 130, at(7)), at(9))).isFalse();

    assertThat(db.rows("SELECT status, filled_quantity FROM order_events ORDER BY id"))
        .containsExactly(Map.of("status", "PENDING", "filled_quantity", 0),
            Map.of("status", "PART_TRADED", "filled_quantity", 65),
            Map.of("status", "PART_TRADED", "filled_quantity", 130));
  }

  @Test
  void aFollowerOrderReadsBackAsRecordedAndALeaderOrderIsNoFollowerOrder() {
    BrokerOrder order = followerOrder("F1", CorrelationId.of("ct-1"), OrderStatus.PENDING);
    store.recordFollowerOrder(order, at(5));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));

    assertThat(store.followerOrder(OrderId.of("F1"))).hasValueSatisfying(read -> {
      assertThat(read.status()).isEqualTo(OrderStatus.PENDING);
      assertThat(read).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(order);
    });
    assertThat(store.followerOrder(OrderId.of("L1"))).isEmpty();
    assertThat(store.followerOrder(OrderId.of("F9"))).isEmpty();
  }

  @Test
  void aFollowersOrdersReadTogetherAreItsOwnAsLastRecorded() {
    store.recordFollowerOrder(followerOrder("F1", CorrelationId.of("ct-1"), OrderStatus.PENDING), at(1));
    store.recordFollowerOrder(followerOrder("F2", CorrelationId.of("ct-2"), OrderStatus.PENDING), at(2));
    store.recordFollowerOrder(followerOrder("F1", CorrelationId.of("ct-1"), OrderStatus.TRADED), at(3));
    store.recordFollowerOrder(followerOrder(FOLLOWER_B, "F3", CorrelationId.of("ct-3"), OrderStatus.PENDING), at(4));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(5));

    assertThat(store.followerOrders(FOLLOWER_A)).extracting(BrokerOrder::orderId, BrokerOrder::status)
        .containsExactlyInAnyOrder(tuple(OrderId.of("F1"), OrderStatus.TRADED),
            tuple(OrderId.of("F2"), OrderStatus.PENDING));
    assertThat(store.followerOrders(FOLLOWER_B)).extracting(BrokerOrder::orderId).containsExactly(OrderId.of("F3"));
    assertThat(store.followerOrders(LEADER)).isEmpty();
  }

  @Test
  void anAbsentTriggerStillDedupesAndDiffersFromAPresentOne() {
    LeaderOrderUpdate plain = leaderOrder("L1", OrderStatus.PENDING, 0, at(0));
    LeaderOrderUpdate stop = withTrigger(plain, Price.ofPaise(11000));

    assertThat(store.recordLeaderEvent(plain, at(1))).isTrue();
    assertThat(store.recordLeaderEvent(stop, at(2))).isTrue();
    assertThat(store.recordLeaderEvent(stop, at(3))).isFalse();
    assertThat(store.recordLeaderEvent(plain, at(4))).isFalse();

    assertThat(db.rows("SELECT trigger_price_paise FROM order_events ORDER BY id"))
        .extracting(r -> r.get("trigger_price_paise")).containsExactly(null, 11000);
  }

  @Test
  void theLeaderOrderRowHoldsTheLatestStateExactly() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(1));
    LeaderOrderUpdate traded = withTrigger(leaderOrder("L1", OrderStatus.TRADED, 520, at(10)), Price.ofPaise(11000));
    store.recordLeaderEvent(traded, at(11));

    assertThat(db.row(ORDER, "L1"))
        .containsEntry("account_id", "1000000001").containsEntry("role", "leader")
        .containsEntry("correlation_id", null).containsEntry("status", "TRADED").containsEntry("side", "BUY")
        .containsEntry("product", "MARGIN").containsEntry("order_type", "STOP_LOSS").containsEntry("validity", "DAY")
        .containsEntry("exchange_segment", "NSE_FNO").containsEntry("security_id", "35191")
        .containsEntry("quantity", 520).containsEntry("filled_quantity", 520)
        .containsEntry("price_paise", 11250).containsEntry("trigger_price_paise", 11000)
        .containsEntry("avg_price_paise", null).containsEntry("reject_reason", null)
        .containsEntry("broker_updated_at", at(10).toEpochMilli())
        .containsEntry("created_at", at(1).toEpochMilli()).containsEntry("updated_at", at(11).toEpochMilli());
  }

  @Test
  void aLateFrameIsStoredAsAnEventButDoesNotUndoANewerState() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.TRADED, 520, at(10)), at(11));

    assertThat(store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(12))).isTrue();

    assertThat(db.row(ORDER, "L1")).containsEntry("status", "TRADED").containsEntry("filled_quantity", 520)
        .containsEntry("updated_at", at(11).toEpochMilli());
    assertThat(db.count("order_events")).isEqualTo(2);
  }

  @Test
  void progressStampedEarlierStillReplacesTheState() {
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.PENDING, 0, at(10)), at(11));
    store.recordLeaderEvent(leaderOrder("L1", OrderStatus.CANCELLED, 0, at(9)), at(12));
    store.recordLeaderEvent(leaderOrder("L2", OrderStatus.PENDING, 0, at(10)), at(11));
    store.recordLeaderEvent(leaderOrder("L2", OrderStatus.PART_TRADED, 65, at(9)), at(12));

    assertThat(store.leaderStatus(OrderId.of("L1"))).contains(OrderStatus.CANCELLED);
    assertThat(db.row(ORDER, "L2")).containsEntry("status", "PART_TRADED").containsEntry("filled_quantity", 65);
  }

  @Test
  void aFollowerOrderIsStoredAsReportedAndReplacedByALaterReport() {
    CorrelationId id = CorrelationId.of("ct-abc");
    store.recordFollowerOrder(followerOrder("F1", id, OrderStatus.PENDING), at(1));

    assertThat(db.row(ORDER, "F1")).containsEntry("role", "follower").containsEntry("account_id", "1000000002")
        .containsEntry("correlation_id", "ct-abc").containsEntry("status", "PENDING")
        .containsEntry("trigger_price_paise", null).containsEntry("avg_price_paise", null)
        .containsEntry("reject_reason", null).containsEntry("broker_updated_at", null);

    BrokerOrder pending = followerOrder("F1", id, OrderStatus.PENDING);
    store.recordFollowerOrder(new BrokerOrder(FOLLOWER_A, pending.orderId(), Optional.empty(),
        OrderStatus.REJECTED, pending.side(), pending.instrument(), pending.product(), OrderType.STOP_LOSS,
        pending.validity(), pending.quantity(), Quantity.of(65), pending.price(), Optional.of(Price.ofPaise(11000)),
        Optional.of(Price.ofPaise(11255)), Optional.of("DH-906 margin"), Optional.empty()), at(2));

    assertThat(db.row(ORDER, "F1")).containsEntry("correlation_id", null).containsEntry("status", "REJECTED")
        .containsEntry("order_type", "STOP_LOSS").containsEntry("filled_quantity", 65)
        .containsEntry("trigger_price_paise", 11000).containsEntry("avg_price_paise", 11255)
        .containsEntry("reject_reason", "DH-906 margin")
        .containsEntry("created_at", at(1).toEpochMilli()).containsEntry("updated_at", at(2).toEpochMilli());
  }

  private static LeaderOrderUpdate withTrigger(LeaderOrderUpdate u, Price trigger) {
    return new LeaderOrderUpdate(u.account(), u.orderId(), u.status(), u.side(), u.instrument(), u.product(),
        OrderType.STOP_LOSS, u.validity(), u.quantity(), u.filledQuantity(), u.price(), Optional.of(trigger),
        u.averageTradedPrice(), Optional.of(InstrumentType.OPTIDX), Optional.of(LotSize.of(65)),
        u.correlationId(), u.updatedAt());
  }
}
