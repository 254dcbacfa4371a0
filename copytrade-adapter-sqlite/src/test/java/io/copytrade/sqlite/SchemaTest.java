package io.copytrade.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.AuditEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaTest {
  private static final String USER_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
      + " AND name NOT LIKE 'sqlite_%' AND name <> 'flyway_schema_history' ORDER BY name";

  @TempDir Path dir;
  Path file;
  RawDatabase db;

  @BeforeEach
  void migrate() {
    file = dir.resolve("copy.db");
    SqliteStore.open(file).close();
    db = new RawDatabase(file);
  }

  @Test
  void flywayCreatesTheTwelveTablesWithTheirColumns() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    expected.put("audit_log", List.of("id", "ts", "action", "account_id", "leader_order_id", "correlation_id",
        "detail", "outcome", "duration_ms"));
    expected.put("carried_forward", List.of("day", "account_id", "exchange_segment", "security_id", "product",
        "units"));
    expected.put("carried_forward_days", List.of("day", "account_id", "recorded_at"));
    expected.put("config", List.of("key", "value", "description", "updated_at"));
    expected.put("copy_mappings", List.of("correlation_id", "leader_order_id", "follower_account_id", "step",
        "exchange_segment", "security_id", "side", "leader_quantity", "follower_quantity", "sizing", "state",
        "follower_order_id", "reason", "created_at", "updated_at"));
    expected.put("funds", List.of("snapshot_ts", "account_id", "available_paise", "sod_limit_paise",
        "utilized_paise"));
    expected.put("instrument_loads", List.of("id", "fingerprint", "instruments", "checked_at"));
    expected.put("instruments", List.of("exchange_segment", "security_id", "trading_symbol", "underlying",
        "instrument_type", "lot_size", "tick_size_paise", "expiry_date", "strike_paise", "option_type",
        "freeze_quantity", "updated_at"));
    expected.put("order_events", List.of("id", "order_id", "status", "quantity", "filled_quantity",
        "price_paise", "trigger_price_paise", "avg_price_paise", "event_ts", "received_ts"));
    expected.put("orders", List.of("order_id", "account_id", "role", "correlation_id", "status", "side",
        "product", "order_type", "validity", "exchange_segment", "security_id", "quantity", "filled_quantity",
        "price_paise", "trigger_price_paise", "avg_price_paise", "reject_reason", "broker_updated_at",
        "created_at", "updated_at"));
    expected.put("positions", List.of("snapshot_ts", "account_id", "exchange_segment", "security_id", "product",
        "net_quantity", "buy_avg_paise", "sell_avg_paise", "realized_paise", "unrealized_paise"));
    expected.put("trades", List.of("account_id", "trade_id", "order_id", "side", "product", "exchange_segment",
        "security_id", "quantity", "price_paise", "trade_ts"));

    assertThat(db.rows(USER_TABLES)).extracting(r -> r.get("name"))
        .containsExactlyElementsOf(expected.keySet());
    expected.forEach((table, columns) -> assertThat(db.rows("SELECT name FROM pragma_table_info(?)", table))
        .as(table).extracting(r -> r.get("name")).containsExactlyElementsOf(columns));
  }

  @Test
  void moneyIsIntegerPaiseAndNoColumnIsReal() {
    List<Map<String, Object>> columns = db.rows("SELECT m.name AS tbl, c.name AS col, c.type AS type"
        + " FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table'"
        + " AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'flyway_schema_history'");

    assertThat(columns).filteredOn(c -> c.get("col").toString().endsWith("_paise")).hasSize(16)
        .allSatisfy(c -> assertThat(c.get("type")).as("%s.%s", c.get("tbl"), c.get("col")).isEqualTo("INTEGER"));
    assertThat(columns).extracting(c -> c.get("type")).containsOnly("INTEGER", "TEXT");
  }

  @Test
  void strictTablesRefuseAFractionalAmount() {
    assertThat(db.rows("SELECT name FROM pragma_table_list WHERE strict = 1 AND schema = 'main'"))
        .hasSize(12);
    assertThatThrownBy(() -> db.execute("INSERT INTO funds VALUES (1, 'A', 112.5, 0, 0)"))
        .isInstanceOf(UnableToExecuteStatementException.class)
        .hasMessageContaining("cannot store REAL value in INTEGER column funds.available_paise");
  }

  @Test
  void aFileOfTheFirstSchemaKeepsItsCopiesThroughTheSecond() throws Exception {
    Path old = file.resolveSibling("v1.db");
    Flyway.configure(getClass().getClassLoader()).locations("classpath:db/migration")
        .dataSource("jdbc:sqlite:" + old, null, null).target("1").load().migrate();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + old);
        Statement st = connection.createStatement()) {
      st.execute("INSERT INTO orders (order_id, account_id, role, status, side, product, order_type, validity,"
          + " exchange_segment, security_id, quantity, filled_quantity, price_paise, created_at, updated_at)"
          + " VALUES ('L1', '1000000001', 'leader', 'TRADED', 'BUY', 'MARGIN', 'LIMIT', 'DAY', 'NSE_FNO',"
          + " '35191', 520, 520, 11250, 1, 1)");
      st.execute("INSERT INTO copy_mappings (correlation_id, leader_order_id, follower_account_id, step,"
          + " exchange_segment, security_id, side, leader_quantity, follower_quantity, sizing, state,"
          + " created_at, updated_at) VALUES ('ct-old', 'L1', '1000000002', 'entry', 'NSE_FNO', '35191', 'BUY',"
          + " 520, 130, 'capital_proportional', 'FILLED', 1, 2)");
    }

    try (SqliteStore upgraded = SqliteStore.open(old)) {
      assertThat(upgraded.copiesOf(OrderId.of("L1")))
          .extracting(c -> c.correlationId().value() + " " + c.state() + " " + c.followerQuantity())
          .containsExactly("ct-old FILLED 130");
    }
  }

  @Test
  void migratingAnExistingFileAgainChangesNothing() {
    db.execute("UPDATE config SET value = 'false' WHERE key = 'copy_enabled'");
    List<Map<String, Object>> history = db.rows("SELECT * FROM flyway_schema_history");

    SqliteStore.open(file).close();

    assertThat(db.rows("SELECT * FROM flyway_schema_history")).isEqualTo(history).hasSize(5);
    assertThat(db.row("SELECT value FROM config WHERE key = 'copy_enabled'")).containsEntry("value", "false");
  }

  @Test
  void everyFreshConnectionGetsThePragmas() throws SQLException {
    try (Connection c = SqliteFile.dataSource(file).getConnection(); Statement s = c.createStatement()) {
      assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(s, "busy_timeout")).isEqualTo("5000");
      assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
      assertThat(pragma(s, "synchronous")).isEqualTo("2"); // FULL
    }
  }

  @Test
  void configIsSeeded() {
    try (SqliteStore store = SqliteStore.open(file)) {
      assertThat(store.config("copy_enabled")).contains("true");
      assertThat(store.config("last_leader_event_ts")).contains("0");
      assertThat(store.config("schema_version")).isEmpty(); // Flyway's history holds it
    }
  }

  @Test
  void auditLogRefusesUpdateAndDelete() {
    try (SqliteStore store = SqliteStore.open(file)) {
      store.audit(new AuditEntry(Fixtures.T0, "place_order", Optional.empty(), Optional.of(OrderId.of("1")),
          Optional.empty(), "{}", Optional.empty(), Optional.empty()));
    }

    assertThatThrownBy(() -> db.execute("UPDATE audit_log SET outcome = 'ok'"))
        .hasMessageContaining("audit_log is append-only: UPDATE refused");
    assertThatThrownBy(() -> db.execute("DELETE FROM audit_log"))
        .hasMessageContaining("audit_log is append-only: DELETE refused");
    assertThat(db.row("SELECT * FROM audit_log")).containsEntry("action", "place_order")
        .containsEntry("outcome", null);
  }

  private static String pragma(Statement s, String name) throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA " + name)) {
      r.next();
      return r.getString(1);
    }
  }
}
