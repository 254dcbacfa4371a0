package io.copytrade.domain.replication;

import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.Funds;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * An in-memory copy store that records what it was asked, can be told to fail for one follower, and can
 * stop the process dead (a SIGKILL) at a point of storing a copy, like the engine's crash points.
 */
final class FakeStore implements CopyStore {
  /** Where a kill strikes: before an intent is stored, after it is, or before a copy's outcome is stored. */
  enum KillPoint { BEFORE_INTENT, AFTER_INTENT, BEFORE_UPDATE }

  /** The process died here; nothing after this point ran. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed(KillPoint point, CopyMapping copy) {
      super("killed " + point + " of " + copy.follower() + " " + copy.step());
    }
  }

  final Map<CorrelationId, CopyMapping> copies = new LinkedHashMap<>();
  final List<LeaderOrderUpdate> leaderEvents = new ArrayList<>();
  final List<AuditEntry> audits = new ArrayList<>();
  final List<BrokerOrder> followerOrders = new ArrayList<>();
  /** Calls of {@link #inOneTransaction}: each is one sync to disk in the real store. */
  final AtomicInteger transactions = new AtomicInteger();
  /** Calls of {@link #followerOrder}: a follower's walk reads each resting copy's order. */
  final AtomicInteger followerOrderReads = new AtomicInteger();
  private final Map<String, String> config = new HashMap<>();
  private final Map<OrderId, Instant> firstSeen = new LinkedHashMap<>();
  private final Map<String, Integer> carried = new HashMap<>();
  private final Set<String> carriedDays = new HashSet<>();
  private final Set<AccountId> failingFollowers = new HashSet<>();

  private KillPoint killPoint;
  private Predicate<CopyMapping> killed = copy -> false;

  void failWritesFor(AccountId follower) {
    failingFollowers.add(follower);
  }

  /** Kills the process at {@code point} of each copy {@code which} matches, until {@link #restart()}. */
  synchronized void kill(KillPoint point, Predicate<CopyMapping> which) {
    killPoint = point;
    killed = which;
  }

  /** The process starts again on the same data: no kill is armed any more. */
  synchronized void restart() {
    killed = copy -> false;
  }

  @Override
  public synchronized boolean recordIntent(CopyMapping intent) {
    failIfTold(intent.follower());
    killIf(KillPoint.BEFORE_INTENT, intent);
    boolean recorded = copies.putIfAbsent(intent.correlationId(), intent) == null;
    killIf(KillPoint.AFTER_INTENT, intent);
    return recorded;
  }

  @Override
  public synchronized boolean recordIntent(CopyMapping intent, AuditEntry audit) {
    boolean recorded = recordIntent(intent);
    if (recorded) audits.add(audit);
    return recorded;
  }

  @Override
  public synchronized void update(CopyMapping mapping) {
    failIfTold(mapping.follower());
    killIf(KillPoint.BEFORE_UPDATE, mapping);
    if (copies.replace(mapping.correlationId(), mapping) == null) {
      throw new IllegalStateException("update of unknown copy " + mapping.correlationId());
    }
  }

  @Override
  public synchronized Optional<CopyMapping> find(CorrelationId id) {
    return Optional.ofNullable(copies.get(id));
  }

  @Override
  public synchronized List<CopyMapping> copiesOf(OrderId leaderOrderId) {
    return copies.values().stream().filter(copy -> copy.leaderOrderId().equals(leaderOrderId)).toList();
  }

  @Override
  public synchronized List<CopyMapping> copiesOf(OrderId leaderOrderId, AccountId follower) {
    return copiesOf(leaderOrderId).stream().filter(copy -> copy.follower().equals(follower)).toList();
  }

  @Override
  public synchronized List<CopyMapping> inStates(Set<CopyState> states) {
    return copies.values().stream().filter(copy -> states.contains(copy.state())).toList();
  }

  @Override
  public synchronized Set<InstrumentKey> instrumentsCopiedTo(AccountId follower) {
    return copies.values().stream().filter(c -> c.follower().equals(follower) && c.state() != CopyState.SKIPPED)
        .map(CopyMapping::instrument).collect(Collectors.toSet());
  }

  @Override
  public synchronized Optional<Quantity> handledFill(OrderId leaderOrderId) {
    return leaderEvents.stream().filter(e -> e.orderId().equals(leaderOrderId))
        .map(LeaderOrderUpdate::filledQuantity).max(Quantity::compareTo);
  }

  @Override
  public synchronized Optional<OrderStatus> leaderStatus(OrderId leaderOrderId) {
    return leaderEvents.stream().filter(e -> e.orderId().equals(leaderOrderId))
        .reduce((first, second) -> second).map(LeaderOrderUpdate::status);
  }

  @Override
  public synchronized boolean recordLeaderEvent(LeaderOrderUpdate update, Instant receivedAt) {
    boolean fresh = !leaderEvents.contains(update);
    firstSeen.putIfAbsent(update.orderId(), receivedAt);
    leaderEvents.add(update);
    return fresh;
  }

  @Override
  public synchronized List<LedgerOrder> leaderOrdersIn(AccountId leader, InstrumentKey instrument,
      ProductType product, Instant since) {
    return firstSeen.entrySet().stream().filter(seen -> !seen.getValue().isBefore(since))
        .map(seen -> latest(seen.getKey())).flatMap(Optional::stream)
        .filter(o -> o.account().equals(leader) && o.instrument().equals(instrument) && o.product() == product)
        .map(this::ledgerOrder)
        .toList();
  }

  @Override
  public synchronized List<LedgerCopy> copiesIn(AccountId follower, InstrumentKey instrument, Instant since) {
    return copies.values().stream()
        .filter(c -> c.follower().equals(follower) && c.instrument().equals(instrument)
            && !c.createdAt().isBefore(since))
        .map(c -> new LedgerCopy(c, latest(c.leaderOrderId()).map(LeaderOrderUpdate::product),
            latest(c.leaderOrderId()).map(this::ledgerOrder), c.followerOrderId().flatMap(this::followerFilled)))
        .toList();
  }

  @Override
  public synchronized boolean recordCarriedForward(AccountId account, LocalDate day, List<Position> positions,
      Instant at) {
    if (!carriedDays.add(day + "/" + account)) return false;
    positions.forEach(p -> carried.merge(carriedKey(account, day, p.instrument(), p.product()),
        p.carriedForward(), Integer::sum));
    return true;
  }

  @Override
  public synchronized Optional<Integer> carriedForward(AccountId account, LocalDate day, InstrumentKey instrument,
      ProductType product) {
    return Optional.ofNullable(carried.get(carriedKey(account, day, instrument, product)));
  }

  @Override
  public synchronized boolean carriedForwardRecorded(AccountId account, LocalDate day) {
    return carriedDays.contains(day + "/" + account);
  }

  /** What {@link #recordCarriedForward} would store for one position, whatever was stored before. */
  synchronized void carry(AccountId account, LocalDate day, InstrumentKey instrument, ProductType product,
      int net) {
    carriedDays.add(day + "/" + account);
    carried.put(carriedKey(account, day, instrument, product), net);
  }

  private static String carriedKey(AccountId account, LocalDate day, InstrumentKey instrument, ProductType product) {
    return day + "/" + account + "/" + instrument + "/" + product;
  }

  private LedgerOrder ledgerOrder(LeaderOrderUpdate order) {
    return new LedgerOrder(order.orderId(), order.side(), order.quantity(),
        handledFill(order.orderId()).orElseThrow(), order.status());
  }

  private Optional<LeaderOrderUpdate> latest(OrderId order) {
    return leaderEvents.stream().filter(e -> e.orderId().equals(order)).reduce((first, second) -> second);
  }

  private Optional<Quantity> followerFilled(OrderId order) {
    return followerOrder(order).map(BrokerOrder::filledQuantity);
  }

  @Override
  public synchronized Optional<BrokerOrder> followerOrder(OrderId order) {
    followerOrderReads.incrementAndGet();
    return followerOrders.stream().filter(o -> o.orderId().equals(order)).reduce((first, second) -> second);
  }

  @Override
  public synchronized List<BrokerOrder> followerOrders(AccountId follower) {
    Map<OrderId, BrokerOrder> latest = new LinkedHashMap<>();
    followerOrders.stream().filter(o -> o.account().equals(follower)).forEach(o -> latest.put(o.orderId(), o));
    return List.copyOf(latest.values());
  }

  @Override
  public synchronized void audit(AuditEntry entry) {
    audits.add(entry);
  }

  synchronized List<String> auditActions() {
    return audits.stream().map(AuditEntry::action).toList();
  }

  @Override
  public synchronized void recordFollowerOrder(BrokerOrder order, Instant at) {
    followerOrders.add(order);
  }

  @Override
  public void recordFunds(Funds funds, Instant at) {
    throw new UnsupportedOperationException("not used by replication");
  }

  @Override
  public void recordPositions(AccountId account, List<Position> positions, Instant at) {
    throw new UnsupportedOperationException("not used by replication");
  }

  @Override
  public synchronized Optional<String> config(String key) {
    return Optional.ofNullable(config.get(key));
  }

  @Override
  public synchronized void setConfig(String key, String value, Instant at) {
    config.put(key, value);
  }

  private void killIf(KillPoint point, CopyMapping copy) {
    if (point == killPoint && killed.test(copy)) throw new Killed(point, copy);
  }

  private void failIfTold(AccountId follower) {
    if (failingFollowers.contains(follower)) throw new IllegalStateException("disk full");
  }

  @Override
  public void inOneTransaction(Runnable work) {
    transactions.incrementAndGet();
    work.run();
  }

  @Override
  public void recordOutcome(CopyMapping mapping, AuditEntry audit) {
    update(mapping);
    audit(audit);
  }

  @Override
  public synchronized void recordOutcome(CopyMapping mapping, AuditEntry audit, BrokerOrder placed) {
    recordOutcome(mapping, audit);
    recordFollowerOrder(placed, mapping.updatedAt());
  }
}
