package io.copytrade.sqlite;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A write of one row record: SQL whose named parameters ({@code :pricePaise}) are the record's components,
 * each bound by position through plain JDBC. The names are matched to components once, here; JDBI matched
 * and typed every argument of every call anew, about half of the committing threads' CPU at a hundred
 * followers. Run through {@link RowWrites}, which prepares it once per transaction.
 */
final class RowStatement<R extends Record> {
  /** A name after a colon; the SQL here has no quoted text or casts with colons in them. */
  private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

  private final String sql;
  private final List<MethodHandle> values;

  private RowStatement(String sql, List<MethodHandle> values) {
    this.sql = sql;
    this.values = values;
  }

  /** @throws IllegalArgumentException when a parameter names no component of {@code type} */
  static <R extends Record> RowStatement<R> of(Class<R> type, String namedSql) {
    Map<String, RecordComponent> components = Arrays.stream(type.getRecordComponents())
        .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
    List<MethodHandle> values = new ArrayList<>();
    Matcher parameter = PARAMETER.matcher(namedSql);
    while (parameter.find()) {
      RecordComponent component = components.get(parameter.group(1));
      if (component == null) {
        throw new IllegalArgumentException(type.getSimpleName() + " has no component " + parameter.group(1));
      }
      values.add(accessor(component));
    }
    return new RowStatement<>(parameter.replaceAll("?"), List.copyOf(values));
  }

  String sql() {
    return sql;
  }

  /** Binds the row (a null as NULL) and runs the statement; @return the rows it changed */
  int execute(PreparedStatement statement, R row) throws SQLException {
    for (int i = 0; i < values.size(); i++) statement.setObject(i + 1, valueOf(values.get(i), row));
    return statement.executeUpdate();
  }

  private static Object valueOf(MethodHandle accessor, Object row) {
    try {
      return (Object) accessor.invokeExact(row);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable checked) {
      // A record's accessor declares none; invokeExact only says it might.
      throw new IllegalStateException("cannot read " + accessor + " of " + row.getClass(), checked);
    }
  }

  private static MethodHandle accessor(RecordComponent component) {
    try {
      MethodHandle accessor = MethodHandles.lookup().unreflect(component.getAccessor());
      return accessor.asType(accessor.type().generic());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
