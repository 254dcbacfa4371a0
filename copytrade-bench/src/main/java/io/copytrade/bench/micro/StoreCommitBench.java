package io.copytrade.bench.micro;

import io.copytrade.bench.TempDirs;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.ExchangeSegment;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.OrderType;
import io.copytrade.ports.model.Price;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.model.Validity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store on a file in the temporary directory (java.io.tmpdir: put it on the file system the database will
 * live on), in WAL mode with synchronous=FULL.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreCommitBench {
  private static final int FOLLOWERS = 100;
  private static final AccountId LEADER = AccountId.of("1000000001");
  private static final InstrumentKey NIFTY_CE = InstrumentKey.of(ExchangeSegment.NSE_FNO, "35191");
  private static final Price LIMIT = Price.ofPaise(11250);
  private static final List<AccountId> ACCOUNTS =
      IntStream.range(0, FOLLOWERS).mapToObj(i -> AccountId.of(Long.toString(2000000001L + i))).toList();

  private Path dir;
  private SqliteStore store;
  private long n;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("store-commit-bench-");
    store = SqliteStore.open(dir.resolve("copy.db"));
  }

  /**
   * One commit as the engine makes several per leader event (the event, each intent, the last-event stamp): a
   * one-row transaction, so one fsync of the WAL.
   */
  @Benchmark
  public void setConfig() {
    store.setConfig("bench", Long.toString(n++), Instant.EPOCH);
  }

  /**
   * The store's part of one copy as a hundred followers' group commit makes it: the intent with its audit line,
   * then the outcome with its audit line and the follower order placed. One leader order and its hundred
   * copies per invocation, in one transaction (one sync), so the figure is the writes' own cost per copy.
   */
  @Benchmark
  @OperationsPerInvocation(FOLLOWERS)
  public void copyWrites() {
    OrderId leaderOrder = OrderId.of("L" + n++);
    Instant at = Instant.ofEpochMilli(n);
    store.recordLeaderEvent(new LeaderOrderUpdate(LEADER, leaderOrder, OrderStatus.TRANSIT, Side.BUY, NIFTY_CE,
        ProductType.MARGIN, OrderType.LIMIT, Validity.DAY, Quantity.of(520), Quantity.ZERO, LIMIT,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at), at);
    store.inOneTransaction(() -> {
      for (AccountId follower : ACCOUNTS) {
        CopyMapping intent = new CopyMapping(CorrelationId.derive(leaderOrder, follower, "entry"), leaderOrder,
            follower, "entry", NIFTY_CE, Side.BUY, Quantity.of(520), Quantity.of(130), "fixed_ratio 0.25",
            CopyState.INTENDED, Optional.empty(), Optional.empty(), at, at);
        store.recordIntent(intent, audit("place_order", intent, at));
        OrderId placed = OrderId.of(follower.value() + "-" + leaderOrder.value());
        CopyMapping outcome = intent.moveTo(CopyState.PLACED, Optional.of(placed), Optional.empty(), at);
        store.recordOutcome(outcome, audit("order_placed", intent, at), new BrokerOrder(follower, placed,
            Optional.of(intent.correlationId()), OrderStatus.PENDING, Side.BUY, NIFTY_CE, ProductType.MARGIN,
            OrderType.LIMIT, Validity.DAY, Quantity.of(130), Quantity.ZERO, LIMIT, Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty()));
      }
    });
  }

  private static AuditEntry audit(String action, CopyMapping copy, Instant at) {
    return new AuditEntry(at, action, Optional.of(copy.follower()), Optional.of(copy.leaderOrderId()),
        Optional.of(copy.correlationId()), "{}", Optional.empty(), Optional.empty());
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    TempDirs.delete(dir);
  }
}
