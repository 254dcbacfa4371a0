package io.copytrade.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh store on a real file for each test, with raw SQL access to check what it wrote. */
abstract class OpenStore {
  @TempDir Path dir;
  SqliteStore store;
  RawDatabase db;

  @BeforeEach
  void open() {
    Path file = dir.resolve("copy.db");
    store = SqliteStore.open(file);
    db = new RawDatabase(file);
  }

  @AfterEach
  void close() {
    store.close();
  }
}
