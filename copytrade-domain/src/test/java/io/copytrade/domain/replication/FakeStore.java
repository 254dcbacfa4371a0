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
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<String, String> config = new HashMap<>();
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
    leaderEvents.add(update);
    return fresh;
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
}
