package io.copytrade.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes instrument rows through one prepared statement, run once per row: a master has a few hundred
 * thousand rows, and binding each through JDBI (or collecting them into JDBC batches, which the SQLite
 * driver copies as they grow) cost most of a load. Use inside the load's transaction.
 */
final class InstrumentWriter implements AutoCloseable {
  /** Every column but the key and the time of the last change. */
  private static final List<String> TERMS = Arrays.stream(InstrumentDao.COLUMNS.split(","))
      .map(String::trim)
      .filter(column -> !List.of("exchange_segment", "security_id", "updated_at").contains(column))
      .toList();
  /**
   * A row whose terms are as stored is left alone (its {@code updated_at} says when it last changed): a
   * changed master rewrites the rows that changed, not all of them with their two indexes.
   */
  private static final String UPSERT = "INSERT INTO instruments (" + InstrumentDao.COLUMNS + ")"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (exchange_segment, security_id) DO UPDATE SET "
      + TERMS.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
      + ", updated_at = excluded.updated_at WHERE "
      + TERMS.stream().map(c -> c + " IS NOT excluded." + c).collect(Collectors.joining(" OR "));

  private final PreparedStatement upsert;

  InstrumentWriter(Connection connection) {
    try {
      this.upsert = connection.prepareStatement(UPSERT);
    } catch (SQLException e) {
      throw new IllegalStateException("the instruments table cannot be written: " + e.getMessage(), e);
    }
  }

  void write(InstrumentRow row) {
    try {
      upsert.setString(1, row.exchangeSegment());
      upsert.setString(2, row.securityId());
      upsert.setString(3, row.tradingSymbol());
      upsert.setString(4, row.underlying());
      upsert.setString(5, row.instrumentType());
      upsert.setInt(6, row.lotSize());
      upsert.setLong(7, row.tickSizePaise());
      upsert.setString(8, row.expiryDate());
      if (row.strikePaise() == null) upsert.setNull(9, Types.INTEGER); else upsert.setLong(9, row.strikePaise());
      upsert.setString(10, row.optionType());
      if (row.freezeQuantity() == null) upsert.setNull(11, Types.INTEGER); else upsert.setInt(11, row.freezeQuantity());
      upsert.setLong(12, row.updatedAt());
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("instrument " + row.exchangeSegment() + " " + row.securityId()
          + " could not be stored: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      upsert.close();
    } catch (SQLException e) {
      throw new IllegalStateException("the instruments statement could not be closed: " + e.getMessage(), e);
    }
  }
}
