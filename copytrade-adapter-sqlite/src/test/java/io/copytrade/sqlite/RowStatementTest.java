package io.copytrade.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class RowStatementTest {
  record Trade(String id, long pricePaise, Integer lots) {}

  @Test
  void namedParametersBindTheRecordsComponentsByPositionAndANullAsNull() throws SQLException {
    RowStatement<Trade> insert = RowStatement.of(Trade.class,
        "INSERT INTO t (lots, id, price) VALUES (:lots, :id, :pricePaise)");
    assertThat(insert.sql()).isEqualTo("INSERT INTO t (lots, id, price) VALUES (?, ?, ?)");

    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (id TEXT, price INTEGER, lots INTEGER) STRICT");
      try (PreparedStatement p = c.prepareStatement(insert.sql())) {
        assertThat(insert.execute(p, new Trade("a", 11250, 3))).isEqualTo(1);
        assertThat(insert.execute(p, new Trade("b", 5, null))).isEqualTo(1);
      }
      try (ResultSet rs = s.executeQuery("SELECT id, price, lots, typeof(lots) FROM t ORDER BY id")) {
        rs.next();
        assertThat(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getInt(3)).isEqualTo("a 11250 3");
        rs.next();
        assertThat(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getString(4)).isEqualTo("b 5 null");
      }
    }
  }

  @Test
  void aParameterNamingNoComponentIsRefusedWhenTheStatementIsMade() {
    assertThatThrownBy(() -> RowStatement.of(Trade.class, "INSERT INTO t (id) VALUES (:tradeId)"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Trade has no component tradeId");
  }
}
