package io.copytrade.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The row writes of one transaction, each statement prepared on first use and reused after: a group commit
 * of a hundred followers runs the same few statements hundreds of times. Closed when the transaction ends,
 * as SQLite counts a statement kept open as still under way and refuses a VACUUM INTO (a backup) while one
 * is. One thread at a time: the one that holds the store's writing connection.
 */
final class RowWrites implements AutoCloseable {
  private final Connection connection;
  private final Map<RowStatement<?>, PreparedStatement> prepared = new IdentityHashMap<>();

  RowWrites(Connection connection) {
    this.connection = connection;
  }

  /**
   * @return the rows the statement changed
   * @throws IllegalStateException naming SQLite's refusal (a constraint, a locked file)
   */
  <R extends Record> int run(RowStatement<R> statement, R row) {
    try {
      PreparedStatement jdbc = prepared.get(statement);
      if (jdbc == null) {
        jdbc = connection.prepareStatement(statement.sql());
        prepared.put(statement, jdbc);
      }
      return statement.execute(jdbc, row);
    } catch (SQLException e) {
      throw new IllegalStateException(row.getClass().getSimpleName() + " not stored: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    for (PreparedStatement statement : prepared.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // finalized when the connection closes
      }
    }
    prepared.clear();
  }
}
