package io.copytrade.sqlite;

import static io.copytrade.sqlite.Columns.millis;

import io.copytrade.ports.instrument.InstrumentLoad;
import io.copytrade.ports.instrument.InstrumentStore;
import io.copytrade.ports.instrument.MasterFile;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Position;
import io.copytrade.ports.model.ProductType;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import io.copytrade.ports.store.LedgerCopy;
import io.copytrade.ports.store.LedgerOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The copy store and instrument catalogue on one SQLite file.
 *
 * <p>Thread-safe: writes are serialized on one connection (SQLite has one writer anyway), and each write is
 * one transaction, committed and synced before the method returns. Reads go to a second connection, so a
 * read sees the last commit without waiting for one under way (a hundred followers' reads once queued
 * behind every sync); a read inside a transaction sees that transaction's writes. Times are kept to the
 * millisecond. Foreign keys hold: a leader order's event must be recorded before a copy intent names it.
 */
public final class SqliteStore implements CopyStore, InstrumentStore, AutoCloseable {
  private static final String WRITE = "write";
  /** Held for every use of the writing connection: a write, a transaction, or a read inside one. */
  private final ReentrantLock lock = new ReentrantLock();
  private final ReentrantLock readLock = new ReentrantLock();
  private final Statements writes;
  /** A connection of its own for reads, which in WAL see the last commit and never wait for one under way. */
  private final Statements reads;
  private final GroupCommit group = new GroupCommit(this::commitGroup);
  /** The writes of the transaction under way on the writing connection, or null; the lock's holder's alone. */
  private RowWrites rowWrites;
  private final Map<InstrumentKey, Optional<Instrument>> catalogue = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private SqliteStore(Statements writes, Statements reads) {
    this.writes = writes;
    this.reads = reads;
  }

  /** Creates the file if needed, migrates with Flyway (classpath:db/migration), and opens it. */
  public static SqliteStore open(Path file) {
    DataSource dataSource = SqliteFile.dataSource(file);
    SqliteFile.migrate(dataSource);
    Jdbi jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
    return new SqliteStore(Statements.on(jdbi.open()), Statements.on(jdbi.open()));
  }

  /** A consistent copy of the live database, written with VACUUM INTO; refuses an existing target. */
  public void backupTo(Path target) {
    if (Files.exists(target)) {
      throw new IllegalArgumentException("backup target already exists: " + target);
    }
    // VACUUM cannot run inside a transaction; it reads one consistent snapshot by itself.
    serialized(() -> writes.handle().execute("VACUUM INTO ?", target.toAbsolutePath().toString()));
  }

  @Override
  public void close() {
    lock.lock();
    readLock.lock();
    try {
      if (!closed) {
        closed = true;
        reads.handle().close();
        writes.handle().close();
      }
    } finally {
      readLock.unlock();
      lock.unlock();
    }
  }

  @Override
  public boolean recordIntent(CopyMapping intent) {
    return inTransaction(() -> write(MappingDao.INSERT, MappingRow.of(intent)) > 0);
  }

  /** Intents stored at the same moment by several threads share one transaction (see {@link GroupCommit}). */
  @Override
  public boolean recordIntent(CopyMapping intent, AuditEntry audit) {
    return group.write(() -> {
      boolean inserted = write(MappingDao.INSERT, MappingRow.of(intent)) > 0;
      if (inserted) write(AuditDao.APPEND, AuditRow.of(audit));
      return inserted;
    });
  }

  /** As {@link #update}, with its audit line, in a transaction shared like an intent's. */
  @Override
  public void recordOutcome(CopyMapping mapping, AuditEntry audit) {
    recordOutcome(mapping, audit, Optional.empty());
  }

  @Override
  public void recordOutcome(CopyMapping mapping, AuditEntry audit, BrokerOrder placed) {
    recordOutcome(mapping, audit, Optional.of(placed));
  }

  private void recordOutcome(CopyMapping mapping, AuditEntry audit, Optional<BrokerOrder> placed) {
    group.write(() -> {
      updateRow(mapping);
      write(AuditDao.APPEND, AuditRow.of(audit));
      placed.ifPresent(order -> write(OrderDao.UPSERT, OrderRow.ofFollower(order, mapping.updatedAt())));
      return null;
    });
  }

  private void commitGroup(List<GroupCommit.Pending> batch) {
    useTransaction(() -> batch.forEach(this::runAlone));
  }

  /** Runs one caller's write under a savepoint of its own, so its failure undoes it alone. */
  private void runAlone(GroupCommit.Pending pending) {
    writes.handle().savepoint(WRITE);
    try {
      pending.run();
      writes.handle().releaseSavepoint(WRITE);
    } catch (RuntimeException e) {
      writes.handle().rollbackToSavepoint(WRITE);
      pending.failed(e);
    }
  }

  /**
   * Stores the mapping's progress: its state, follower order id, reason and update time.
   *
   * @throws IllegalStateException when no intent with this correlation id was recorded
   * @throws IllegalArgumentException when anything else differs from the recorded intent
   */
  @Override
  public void update(CopyMapping mapping) {
    useTransaction(() -> updateRow(mapping));
  }

  /** The row is read only when the update matched none, to say why: most updates are one statement. */
  private void updateRow(CopyMapping mapping) {
    MappingRow next = MappingRow.of(mapping);
    if (write(MappingDao.UPDATE_PROGRESS, next) > 0) return;
    MappingRow stored = writes.mappings().find(next.correlationId()).orElseThrow(() ->
        new IllegalStateException("no copy intent recorded for correlation id " + next.correlationId()));
    throw new IllegalArgumentException(
        "an update may change only state, follower order id and reason; stored " + stored + ", given " + next);
  }

  @Override
  public Optional<CopyMapping> find(CorrelationId id) {
    return read(r -> r.mappings().find(id.value()).map(MappingRow::toMapping));
  }

  @Override
  public List<CopyMapping> copiesOf(OrderId leaderOrderId) {
    return read(r -> toMappings(r.mappings().ofLeaderOrder(leaderOrderId.value())));
  }

  @Override
  public List<CopyMapping> copiesOf(OrderId leaderOrderId, AccountId follower) {
    return read(r -> toMappings(r.mappings().ofLeaderOrderFor(leaderOrderId.value(), follower.value())));
  }

  @Override
  public List<CopyMapping> inStates(Set<CopyState> states) {
    if (states.isEmpty()) return List.of(); // SQL has no empty IN list
    List<String> names = states.stream().map(CopyState::name).toList();
    return read(r -> toMappings(r.mappings().inStates(names)));
  }

  @Override
  public Set<InstrumentKey> instrumentsCopiedTo(AccountId follower) {
    return read(r -> r.mappings().instrumentsCopiedTo(follower.value()).stream()
        .map(InstrumentColumns::toKey).collect(Collectors.toUnmodifiableSet()));
  }

  @Override
  public Optional<Quantity> handledFill(OrderId leaderOrderId) {
    return read(r -> Optional.ofNullable(r.orders().handledFill(leaderOrderId.value())).map(Quantity::of));
  }

  @Override
  public Optional<OrderStatus> leaderStatus(OrderId leaderOrderId) {
    return read(r -> r.orders().leaderStatus(leaderOrderId.value()).map(OrderStatus::valueOf));
  }

  @Override
  public boolean recordLeaderEvent(LeaderOrderUpdate update, Instant receivedAt) {
    return inTransaction(() -> {
      write(OrderDao.UPSERT, OrderRow.ofLeader(update, receivedAt));
      return write(OrderDao.INSERT_EVENT, OrderEventRow.of(update, receivedAt)) > 0;
    });
  }

  @Override
  public List<LedgerOrder> leaderOrdersIn(AccountId leader, InstrumentKey instrument, ProductType product,
      Instant since) {
    return read(r -> r.ledger().leaderOrders(leader.value(), instrument.segment().name(),
        instrument.securityId().value(), product.name(), millis(since)).stream()
        .map(LedgerDao.OrderFill::toLedgerOrder).toList());
  }

  @Override
  public List<LedgerCopy> copiesIn(AccountId follower, InstrumentKey instrument, Instant since) {
    return read(r -> r.ledger().copies(follower.value(), instrument.segment().name(),
        instrument.securityId().value(), millis(since)).stream().map(LedgerDao.CopyFill::toLedgerCopy).toList());
  }

  /** Positions of several entries for one instrument and product (Dhan does not send them) add up. */
  @Override
  public boolean recordCarriedForward(AccountId account, LocalDate day, List<Position> positions, Instant at) {
    return inTransaction(() -> {
      if (!writes.ledger().recordDay(day.toString(), account.value(), millis(at))) return false;
      positions.stream().filter(p -> p.carriedForward() != 0).forEach(p -> writes.ledger().addCarried(
          day.toString(), account.value(), p.instrument().segment().name(), p.instrument().securityId().value(),
          p.product().name(), p.carriedForward()));
      return true;
    });
  }

  @Override
  public Optional<Integer> carriedForward(AccountId account, LocalDate day, InstrumentKey instrument,
      ProductType product) {
    return read(r -> r.ledger().carried(day.toString(), account.value(), instrument.segment().name(),
        instrument.securityId().value(), product.name()));
  }

  @Override
  public boolean carriedForwardRecorded(AccountId account, LocalDate day) {
    return read(r -> r.ledger().dayRecorded(day.toString(), account.value()));
  }

  @Override
  public Optional<BrokerOrder> followerOrder(OrderId orderId) {
    return read(r -> r.orders().followerOrder(orderId.value()).map(OrderRow::toBrokerOrder));
  }

  @Override
  public List<BrokerOrder> followerOrders(AccountId follower) {
    return read(r -> r.orders().followerOrders(follower.value()).stream().map(OrderRow::toBrokerOrder).toList());
  }

  @Override
  public void recordFollowerOrder(BrokerOrder order, Instant at) {
    useTransaction(() -> write(OrderDao.UPSERT, OrderRow.ofFollower(order, at)));
  }

  @Override
  public void recordFunds(Funds funds, Instant at) {
    useTransaction(() -> write(SnapshotDao.PUT_FUNDS, FundsRow.of(funds, at)));
  }

  /** @throws IllegalArgumentException when a position belongs to another account */
  @Override
  public void recordPositions(AccountId account, List<Position> positions, Instant at) {
    positions.stream().filter(p -> !p.account().equals(account)).findAny().ifPresent(p -> {
      throw new IllegalArgumentException("position of " + p.account() + " among positions of " + account);
    });
    List<PositionRow> rows = positions.stream().map(p -> PositionRow.of(p, at)).toList();
    useTransaction(() -> rows.forEach(row -> write(SnapshotDao.PUT_POSITION, row)));
  }

  @Override
  public void audit(AuditEntry entry) {
    useTransaction(() -> write(AuditDao.APPEND, AuditRow.of(entry)));
  }

  @Override
  public Optional<String> config(String key) {
    return read(r -> r.config().value(key));
  }

  @Override
  public void setConfig(String key, String value, Instant at) {
    useTransaction(() -> writes.config().put(key, value, millis(at)));
  }

  /**
   * Looked up on every copy: kept in memory once read, until the next load. Read on the writing connection: a
   * load empties the cache inside its transaction, and a read elsewhere meanwhile would cache the rows it replaces.
   */
  @Override
  public Optional<Instrument> find(InstrumentKey key) {
    Optional<Instrument> known = catalogue.get(key);
    if (known != null) return known;
    return serialized(() -> catalogue.computeIfAbsent(key, k ->
        writes.instruments().find(k.segment().name(), k.securityId().value()).map(InstrumentRow::toInstrument)));
  }

  /** Every row through one statement inside the one transaction, a few hundred thousand of them. */
  @Override
  public long load(MasterFile file, Instant at) {
    return inTransaction(() -> {
      long stored = file.readAll(instrument -> write(InstrumentDao.UPSERT, InstrumentRow.of(instrument, at)));
      write(InstrumentDao.RECORD_LOAD, InstrumentLoadRow.of(new InstrumentLoad(file.fingerprint(), stored, at)));
      catalogue.clear();
      return stored;
    });
  }

  @Override
  public void confirmUnchanged(String fingerprint, Instant at) {
    int confirmed = inTransaction(() -> writes.instruments().confirm(fingerprint, millis(at)));
    if (confirmed == 0) throw new IllegalStateException("no instrument master loaded with fingerprint " + fingerprint);
  }

  @Override
  public Optional<InstrumentLoad> lastLoad() {
    return read(r -> r.instruments().lastLoad().map(InstrumentLoadRow::toLoad));
  }

  @Override
  public long count() {
    return read(r -> r.instruments().count());
  }

  private static List<CopyMapping> toMappings(List<MappingRow> rows) {
    return rows.stream().map(MappingRow::toMapping).toList();
  }

  /** The store's own writes inside {@code work} join its transaction (Jdbi nests them; the lock is reentrant). */
  @Override
  public void inOneTransaction(Runnable work) {
    useTransaction(work);
  }

  /**
   * Runs {@code work} in one transaction: all of it is committed, or none of it. Inside a transaction of this
   * thread's it joins that one.
   */
  private <R> R inTransaction(Supplier<R> work) {
    return serialized(() -> {
      if (rowWrites != null) return work.get();
      try (RowWrites opened = new RowWrites(writes.handle().getConnection())) {
        rowWrites = opened;
        return writes.handle().inTransaction(h -> work.get());
      } finally {
        rowWrites = null;
      }
    });
  }

  /** @return the rows the statement changed */
  private <R extends Record> int write(RowStatement<R> statement, R row) {
    return rowWrites.run(statement, row);
  }

  private void useTransaction(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /**
   * Runs {@code query} on the reading connection; inside this thread's own transaction, on the writing one, so it
   * sees what the transaction wrote.
   */
  private <R> R read(Function<Statements, R> query) {
    if (lock.isHeldByCurrentThread()) return query.apply(writes);
    readLock.lock();
    try {
      if (closed) throw new IllegalStateException("the store is closed");
      return query.apply(reads);
    } finally {
      readLock.unlock();
    }
  }

  /** Runs {@code work} while no other call uses the writing connection. */
  private <R> R serialized(Supplier<R> work) {
    lock.lock();
    try {
      if (closed) throw new IllegalStateException("the store is closed");
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
