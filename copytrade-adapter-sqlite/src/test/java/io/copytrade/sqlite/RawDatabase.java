package io.copytrade.sqlite;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** Plain SQL on a store's file through a connection of its own, to see what the store really wrote. */
final class RawDatabase {
  private final Jdbi jdbi;

  RawDatabase(Path file) {
    this.jdbi = Jdbi.create(SqliteFile.dataSource(file));
  }

  List<Map<String, Object>> rows(String sql, Object... args) {
    return jdbi.withHandle(h -> h.select(sql, args).mapToMap().list());
  }

  Map<String, Object> row(String sql, Object... args) {
    return jdbi.withHandle(h -> h.select(sql, args).mapToMap().one());
  }

  long count(String table) {
    return jdbi.withHandle(h -> h.select("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  int execute(String sql, Object... args) {
    return jdbi.withHandle(h -> h.execute(sql, args));
  }
}
