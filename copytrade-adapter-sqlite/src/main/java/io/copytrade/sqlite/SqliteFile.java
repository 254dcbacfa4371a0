package io.copytrade.sqlite;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Connections to one database file, each with the store's pragmas, and the file's migration. */
final class SqliteFile {
  private static final String MIGRATIONS = "classpath:db/migration";
  private static final int BUSY_TIMEOUT_MILLIS = 5000;

  private SqliteFile() {}

  /** Every connection this hands out sets the pragmas itself, so none depends on another's settings. */
  static SQLiteDataSource dataSource(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    // FULL syncs the WAL on every commit: an intent stored before a broker call survives power loss too.
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    // Take the write lock at BEGIN, where busy_timeout applies, not on the first write inside the transaction.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return dataSource;
  }

  /** Applies the migrations not yet applied; an up-to-date file is left as it is. */
  static void migrate(DataSource dataSource) {
    Flyway.configure(SqliteFile.class.getClassLoader())
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        // A jar packaged without its scripts must not open an empty database as if it were migrated.
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
