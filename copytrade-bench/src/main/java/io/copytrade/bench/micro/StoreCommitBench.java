package io.copytrade.bench.micro;

import io.copytrade.bench.TempDirs;
import io.copytrade.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One store commit as the engine makes several per leader event (the event, each intent, the last-event
 * stamp): a one-row transaction in WAL mode with synchronous=FULL, so one fsync of the WAL, on a file in the
 * temporary directory (java.io.tmpdir: put it on the file system the database will live on).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreCommitBench {
  private Path dir;
  private SqliteStore store;
  private long n;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("store-commit-bench-");
    store = SqliteStore.open(dir.resolve("copy.db"));
  }

  @Benchmark
  public void setConfig() {
    store.setConfig("bench", Long.toString(n++), Instant.EPOCH);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    TempDirs.delete(dir);
  }
}
