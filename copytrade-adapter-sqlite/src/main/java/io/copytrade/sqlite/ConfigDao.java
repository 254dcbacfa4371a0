package io.copytrade.sqlite;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The config table of named text settings. */
interface ConfigDao {
  @SqlQuery("SELECT value FROM config WHERE key = ?")
  Optional<String> value(String key);

  /** Sets the value and keeps an existing description. */
  @SqlUpdate("""
      INSERT INTO config (key, value, updated_at) VALUES (:key, :value, :updatedAt)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      """)
  void put(@Bind("key") String key, @Bind("value") String value, @Bind("updatedAt") long updatedAt);
}
