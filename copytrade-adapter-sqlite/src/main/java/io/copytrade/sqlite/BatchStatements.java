package io.copytrade.sqlite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Prepares each write (INSERT, UPDATE, DELETE) of one group commit once, where JDBI prepares a statement
 * anew for every call: a commit of a hundred followers' intents runs the same two statements a hundred times.
 * Lasts for one commit: {@link #close(Connection)} finalizes them before it ends, as SQLite counts a statement
 * kept open as still under way (a VACUUM INTO is refused while one is). Queries are prepared as usual. A
 * statement is lent to one use at a time; a nested use of the same SQL gets one of its own.
 */
final class BatchStatements implements StatementBuilder {
  private static final List<String> WRITES = List.of("INSERT ", "UPDATE ", "DELETE ");

  private final StatementBuilder plain;
  private final Map<String, PreparedStatement> idle = new HashMap<>();
  private final Map<Statement, String> lent = new IdentityHashMap<>();

  /** @param plain makes every statement this does not keep */
  BatchStatements(StatementBuilder plain) {
    this.plain = plain;
  }

  @Override
  public Statement create(Connection connection, StatementContext context) throws SQLException {
    return plain.create(connection, context);
  }

  @Override
  public PreparedStatement create(Connection connection, String sql, StatementContext context)
      throws SQLException {
    if (!isWrite(sql) || context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
      return plain.create(connection, sql, context);
    }
    PreparedStatement statement = idle.remove(sql);
    if (statement == null) statement = connection.prepareStatement(sql);
    lent.put(statement, sql);
    return statement;
  }

  @Override
  public CallableStatement createCall(Connection connection, String sql, StatementContext context)
      throws SQLException {
    return plain.createCall(connection, sql, context);
  }

  @Override
  public void close(Connection connection, String sql, Statement statement) throws SQLException {
    if (statement == null) return;
    String key = lent.remove(statement);
    if (key == null || statement.isClosed() || idle.containsKey(key)) {
      statement.close();
      return;
    }
    ((PreparedStatement) statement).clearParameters();
    idle.put(key, (PreparedStatement) statement);
  }

  @Override
  public void close(Connection connection) {
    idle.values().forEach(BatchStatements::closeQuietly);
    lent.keySet().forEach(BatchStatements::closeQuietly);
    idle.clear();
    lent.clear();
  }

  private static boolean isWrite(String sql) {
    String verb = sql.stripLeading();
    return WRITES.stream().anyMatch(write -> verb.regionMatches(true, 0, write, 0, write.length()));
  }

  private static void closeQuietly(Statement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      // the connection closes with it
    }
  }
}
