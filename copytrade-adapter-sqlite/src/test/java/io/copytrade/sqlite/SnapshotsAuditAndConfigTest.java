package io.copytrade.sqlite;

import static io.copytrade.sqlite.Fixtures.FOLLOWER_A;
import static io.copytrade.sqlite.Fixtures.LEADER;
import static io.copytrade.sqlite.Fixtures.NIFTY_CE;
import static io.copytrade.sqlite.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Money;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotsAuditAndConfigTest extends OpenStore {
  @Test
  void anIntentAndItsAuditLineAreStoredTogetherAndNeitherTwice() {
    store.recordLeaderEvent(Fixtures.leaderOrder("L1", OrderStatus.PENDING, 0, at(0)), at(0));
    CopyMapping intent = Fixtures.intent("L1", FOLLOWER_A, "entry", at(1));
    AuditEntry line = new AuditEntry(at(1), "place_order", Optional.of(FOLLOWER_A), Optional.of(OrderId.of("L1")),
        Optional.of(intent.correlationId()), "{}", Optional.empty(), Optional.empty());

    assertThat(store.recordIntent(intent, line)).isTrue();
    assertThat(store.recordIntent(intent, line)).isFalse();

    assertThat(store.find(intent.correlationId())).contains(intent);
    assertThat(db.rows("SELECT action, correlation_id FROM audit_log")).containsExactly(
        Map.of("action", "place_order", "correlation_id", intent.correlationId().value()));
  }

  @Test
  void writesInOneTransactionAreKeptTogetherOrNotAtAll() {
    AuditEntry first = new AuditEntry(at(1), "copy_status_refreshed", Optional.of(FOLLOWER_A), Optional.empty(),
        Optional.empty(), "{}", Optional.empty(), Optional.empty());
    AuditEntry second = new AuditEntry(at(2), "copy_status_refreshed", Optional.of(FOLLOWER_A), Optional.empty(),
        Optional.empty(), "{}", Optional.empty(), Optional.empty());

    assertThatThrownBy(() -> store.inOneTransaction(() -> {
      store.audit(first);
      throw new IllegalStateException("failed halfway");
    })).hasMessage("failed halfway");
    assertThat(db.count("audit_log")).isZero();

    store.inOneTransaction(() -> {
      store.audit(first);
      store.audit(second);
    });
    assertThat(db.count("audit_log")).isEqualTo(2);
  }

  @Test
  void fundsAreStoredInExactPaise() {
    store.recordFunds(new Funds(FOLLOWER_A, Money.ofRupees("98440.05"), Money.ofRupees("250000"),
        Money.ofRupees("151559.95")), at(0));

    assertThat(db.row("SELECT * FROM funds")).isEqualTo(Map.of("snapshot_ts", at(0).toEpochMilli(),
        "account_id", "1000000002", "available_paise", 9844005, "sod_limit_paise", 25000000,
        "utilized_paise", 15155995));
  }

  @Test
  void positionsAreStoredSignedAndASecondSnapshotAtTheSameMomentReplacesTheFirst() {
    Position shortCall = new Position(FOLLOWER_A, NIFTY_CE, ProductType.MARGIN, -130, Price.ZERO,
        Price.ofPaise(11250), Money.ZERO, Money.ofPaise(-325));
    Position longCall = new Position(FOLLOWER_A, NIFTY_CE, ProductType.INTRADAY, 65, Price.ofPaise(11250),
        Price.ZERO, Money.ofPaise(1), Money.ofPaise(650));
    store.recordPositions(FOLLOWER_A, List.of(shortCall), at(0));
    store.recordPositions(FOLLOWER_A, List.of(shortCall, longCall), at(0));
    store.recordPositions(FOLLOWER_A, List.of(), at(1));

    assertThat(db.rows("SELECT * FROM positions ORDER BY product")).containsExactly(
        Map.of("snapshot_ts", at(0).toEpochMilli(), "account_id", "1000000002", "exchange_segment", "NSE_FNO",
            "security_id", "35191", "product", "INTRADAY", "net_quantity", 65, "buy_avg_paise", 11250,
            "sell_avg_paise", 0, "realized_paise", 1, "unrealized_paise", 650),
        Map.of("snapshot_ts", at(0).toEpochMilli(), "account_id", "1000000002", "exchange_segment", "NSE_FNO",
            "security_id", "35191", "product", "MARGIN", "net_quantity", -130, "buy_avg_paise", 0,
            "sell_avg_paise", 11250, "realized_paise", 0, "unrealized_paise", -325));
  }

  @Test
  void positionsOfAnotherAccountAreRefused() {
    Position leaders = new Position(LEADER, NIFTY_CE, ProductType.MARGIN, 65, Price.ZERO, Price.ZERO,
        Money.ZERO, Money.ZERO);

    assertThatThrownBy(() -> store.recordPositions(FOLLOWER_A, List.of(leaders), at(0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000000001");
    assertThat(db.count("positions")).isZero();
  }

  @Test
  void auditEntriesAreAppendedWithTheirOptionalsPresentOrAbsent() {
    store.audit(new AuditEntry(at(0), "place_order", Optional.of(FOLLOWER_A), Optional.of(OrderId.of("L1")),
        Optional.of(CorrelationId.of("ct-abc")), "{\"quantity\":130}", Optional.of("PLACED F1"),
        Optional.of(42L)));
    store.audit(new AuditEntry(at(1), "copy_disabled", Optional.empty(), Optional.empty(), Optional.empty(),
        "{}", Optional.empty(), Optional.empty()));

    assertThat(db.rows("SELECT ts, action, account_id, leader_order_id, correlation_id, detail, outcome,"
        + " duration_ms FROM audit_log ORDER BY id")).containsExactly(
        Map.of("ts", at(0).toEpochMilli(), "action", "place_order", "account_id", "1000000002",
            "leader_order_id", "L1", "correlation_id", "ct-abc", "detail", "{\"quantity\":130}",
            "outcome", "PLACED F1", "duration_ms", 42),
        nullsFor(Map.of("ts", at(1).toEpochMilli(), "action", "copy_disabled", "detail", "{}"),
            "account_id", "leader_order_id", "correlation_id", "outcome", "duration_ms"));
  }

  @Test
  void configValuesAreSetAndReadBack() {
    store.setConfig("copy_enabled", "false", at(5));
    store.setConfig("new_key", "x", at(6));

    assertThat(store.config("copy_enabled")).contains("false");
    assertThat(store.config("new_key")).contains("x");
    assertThat(store.config("absent")).isEmpty();
    assertThat(db.row("SELECT * FROM config WHERE key = 'copy_enabled'"))
        .containsEntry("description", "Global copy trading enabled flag")
        .containsEntry("updated_at", at(5).toEpochMilli());
  }

  private static Map<String, Object> nullsFor(Map<String, Object> values, String... nullColumns) {
    Map<String, Object> row = new HashMap<>(values);
    for (String column : nullColumns) row.put(column, null);
    return row;
  }
}
