package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.domain.order.Transition;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings placed copies up to date with their follower orders at the broker (filled, part filled, cancelled,
 * rejected): as each follower's own order-update socket reports them ({@link #onOrderUpdates}), and, as a
 * safety net for frames lost while a socket was down, from one read of each follower's order book
 * ({@link #refresh}). The fills recorded here are the follower's side of the {@link PositionLedger}.
 * Modification records keep the state they were given: they describe a change sent, not the order. One
 * follower's failing broker never stops the others.
 */
public final class TrackFollowerOrders {
  private static final Set<CopyState> TRACKED = EnumSet.of(CopyState.PLACED, CopyState.PART_FILLED);

  private final CopyStore store;
  private final List<Follower> followers;
  private final InstantSource clock;

  public TrackFollowerOrders(CopyStore store, List<Follower> followers, InstantSource clock) {
    this.store = store;
    this.followers = List.copyOf(followers);
    this.clock = clock;
  }

  /** One pass: {@link #read}, then {@link #apply}; returns the copies whose state changed. */
  public List<CopyMapping> refresh() {
    return apply(read().changes());
  }

  /**
   * Reads the order books of the followers that have copies to track and returns the tracked copies whose
   * order the book shows otherwise than the store holds it, or in another state than the copy's: what
   * {@link #apply} is to look at. A follower whose broker fails is left out (the next pass asks again; its
   * copies keep their last known state meanwhile). Reads only, off the event thread: a pass over every copy of
   * the day (30,000 at a hundred followers at 10 orders/s) held leader events a second when made on it.
   */
  public Pass read() {
    Map<AccountId, List<CopyMapping>> tracked = tracked();
    Map<AccountId, List<BrokerOrder>> books = books(tracked.keySet());
    List<Change> changes = new ArrayList<>();
    tracked.forEach((account, copies) -> {
      if (!books.containsKey(account)) return;
      Map<OrderId, BrokerOrder> book = byId(books.get(account));
      Map<OrderId, BrokerOrder> stored = byId(store.followerOrders(account));
      for (CopyMapping copy : copies) {
        BrokerOrder order = book.get(copy.followerOrderId().orElseThrow());
        if (order != null && (stateOf(order) != copy.state()
            || !sameState(order, Optional.ofNullable(stored.get(order.orderId()))))) {
          changes.add(new Change(copy.correlationId(), order));
        }
      }
    });
    Set<AccountId> unread = new HashSet<>(tracked.keySet());
    unread.removeAll(books.keySet());
    return new Pass(changes, unread);
  }

  /**
   * What a {@link #read} found: the changes to apply, and the followers whose book it could not read (a follower
   * with no copy to track is not asked and has nothing to miss).
   */
  public record Pass(List<Change> changes, Set<AccountId> unread) {
    public Pass {
      changes = List.copyOf(changes);
      unread = Set.copyOf(unread);
    }
  }

  private Map<AccountId, List<BrokerOrder>> books(Set<AccountId> tracked) {
    Map<AccountId, List<BrokerOrder>> books = new LinkedHashMap<>();
    for (Follower follower : followers) {
      AccountId account = follower.settings().account();
      if (!tracked.contains(account)) continue;
      try {
        books.put(account, follower.broker().orderBook());
      } catch (RuntimeException brokerFailure) {
        // left out: asked again at the next pass
      }
    }
    return books;
  }

  /**
   * Applies changes read earlier to the copies as they stand at this moment, so a state moved since the read
   * is never undone. Returns the copies whose state changed.
   */
  public List<CopyMapping> apply(List<Change> changes) {
    List<CopyMapping> changed = new ArrayList<>();
    // One transaction for the pass: the event thread waits for one sync, not three per copy.
    store.inOneTransaction(() -> changes.forEach(change -> store.find(change.copy())
        .filter(copy -> TRACKED.contains(copy.state())
            && copy.followerOrderId().equals(Optional.of(change.order().orderId())))
        .flatMap(copy -> moved(copy, change.order(), store.followerOrder(change.order().orderId())))
        .ifPresent(changed::add)));
    return changed;
  }

  /** A follower order as its book showed it, for the copy of this correlation id. */
  public record Change(CorrelationId copy, BrokerOrder order) {}

  /** The copies to track of this pass's followers only: a pass over some is not to compare or report others. */
  private Map<AccountId, List<CopyMapping>> tracked() {
    Set<AccountId> mine = followers.stream().map(f -> f.settings().account()).collect(Collectors.toSet());
    return store.inStates(TRACKED).stream()
        .filter(copy -> mine.contains(copy.follower()) && copy.followerOrderId().isPresent())
        .filter(copy -> Step.parse(copy.step()).map(step -> !step.isModification()).orElse(true))
        .collect(Collectors.groupingBy(CopyMapping::follower));
  }

  /** One frame of a follower's own order-update socket: the state of one of its orders. */
  public record Frame(AccountId follower, BrokerOrder order) {}

  /**
   * Frames of the followers' sockets, in the order they came, in one transaction: one sync for however many
   * queued while the engine was busy. Each that is an order of one of the engine's copies has its state and
   * fill recorded and the copy moved; the followers' own orders are left alone. Returns the copies whose state
   * changed.
   */
  public List<CopyMapping> onOrderUpdates(List<Frame> frames) {
    List<CopyMapping> moved = new ArrayList<>();
    store.inOneTransaction(() -> frames.forEach(frame -> onOrderUpdate(frame).ifPresent(moved::add)));
    return moved;
  }

  private Optional<CopyMapping> onOrderUpdate(Frame frame) {
    BrokerOrder order = frame.order();
    Optional<CopyMapping> copy = order.correlationId().flatMap(store::find).filter(c ->
        c.follower().equals(frame.follower()) && c.followerOrderId().equals(Optional.of(order.orderId())));
    if (copy.isEmpty()) return Optional.empty();
    Optional<BrokerOrder> stored = store.followerOrder(order.orderId());
    if (!TRACKED.contains(copy.get().state())) {
      record(order, stored, clock.instant());
      return Optional.empty();
    }
    return moved(copy.get(), order, stored);
  }

  private static Map<OrderId, BrokerOrder> byId(List<BrokerOrder> orders) {
    return orders.stream().collect(Collectors.toMap(BrokerOrder::orderId, Function.identity(), (a, b) -> b));
  }

  /** What the broker shows of the order, stored unless it is what the store already holds. */
  private void record(BrokerOrder order, Optional<BrokerOrder> stored, Instant at) {
    if (!sameState(order, stored)) store.recordFollowerOrder(order, at);
  }

  private static CopyState stateOf(BrokerOrder order) {
    return CopyStateMachine.fromBroker(order.status(), order.quantity(), order.filledQuantity());
  }

  private static boolean sameState(BrokerOrder order, Optional<BrokerOrder> stored) {
    return stored.filter(s -> s.status() == order.status() && s.quantity().equals(order.quantity())
        && s.filledQuantity().equals(order.filledQuantity())).isPresent();
  }

  /** @param stored the order as the store held it before this frame or pass */
  private Optional<CopyMapping> moved(CopyMapping copy, BrokerOrder order, Optional<BrokerOrder> stored) {
    CopyState now = stateOf(order);
    Instant at = clock.instant();
    record(order, stored, at);
    if (now == copy.state() || !(CopyStateMachine.check(copy.state(), now) instanceof Transition.Allowed)) {
      return Optional.empty();
    }
    Optional<String> reason = order.rejectReason().filter(r -> now == CopyState.REJECTED);
    CopyMapping next = CopyStateMachine.move(copy, now, copy.followerOrderId(), reason.or(copy::reason), at);
    store.update(next);
    store.audit(new AuditEntry(at, "copy_status_refreshed", Optional.of(copy.follower()),
        Optional.of(copy.leaderOrderId()), Optional.of(copy.correlationId()),
        "{\"from\":\"" + copy.state() + "\",\"to\":\"" + now + "\",\"filled\":" + order.filledQuantity().units()
            + "}", Optional.of(now.name()), Optional.empty()));
    return Optional.of(next);
  }
}
