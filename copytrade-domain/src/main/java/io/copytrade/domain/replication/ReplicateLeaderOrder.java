package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.ports.broker.AccountQueries;
import io.copytrade.ports.instrument.InstrumentCatalogue;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.OrderStatus;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: one leader order event -> follower copies. Thread-safe enough to be called from one stream
 * thread.
 *
 * <p>A new leader order is copied once, when first seen in a live state; a market order may first be seen
 * already TRADED. Each copy is stored as an intent before the broker is called, so a frame seen twice or a
 * restart finds it by correlation id and never places again. This version copies entries only; modifies,
 * cancels, fills and exits are further steps with their own correlation ids.
 */
public final class ReplicateLeaderOrder {
  static final String ENTRY = "entry";
  private static final Set<OrderStatus> LIVE =
      EnumSet.of(OrderStatus.TRANSIT, OrderStatus.PENDING, OrderStatus.PART_TRADED, OrderStatus.TRADED);

  private final CopyStore store;
  private final List<Follower> followers;
  private final InstantSource clock;
  private final EntryPlanner planner;

  public ReplicateLeaderOrder(CopyStore store, InstrumentCatalogue instruments, AccountQueries leader,
      List<Follower> followers, CapitalBook capital, InstantSource clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.followers = List.copyOf(followers);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.planner = new EntryPlanner(Objects.requireNonNull(instruments, "instruments"),
        Objects.requireNonNull(leader, "leader"), Objects.requireNonNull(capital, "capital"));
  }

  /**
   * Handles one event; returns the copies of this leader order (new or already existing), one per follower.
   *
   * @throws ReplicationIncompleteException after every follower was tried, when the store failed for some
   */
  public List<CopyMapping> handle(LeaderOrderUpdate update) {
    // A duplicate frame is still walked, not dropped: after a crash part-way through the followers it is
    // the only chance to reach the rest, and followers already recorded are found and left alone.
    store.recordLeaderEvent(update, clock.instant());
    if (!LIVE.contains(update.status())) return entryCopiesOf(update.orderId());
    List<CopyMapping> copies = new ArrayList<>();
    Map<String, RuntimeException> unrecorded = new LinkedHashMap<>();
    for (Follower follower : followers) {
      try {
        copies.add(copyTo(follower, update));
      } catch (RuntimeException storeFailed) {
        unrecorded.put(follower.settings().account().value(), storeFailed);
      }
    }
    if (!unrecorded.isEmpty()) throw new ReplicationIncompleteException(update.orderId(), copies, unrecorded);
    return copies;
  }

  /** Throws only when the store fails; every other failure is recorded on the copy. */
  private CopyMapping copyTo(Follower follower, LeaderOrderUpdate update) {
    CorrelationId id = CorrelationId.derive(update.orderId(), follower.settings().account(), ENTRY);
    Optional<CopyMapping> known = store.find(id);
    if (known.isPresent()) return known.get();
    EntryDecision decision;
    try {
      decision = planner.decide(update, follower, id);
    } catch (RuntimeException beforeSending) {
      // Funds, catalogue or an inconsistent event failed before anything was sent: this follower's copy
      // fails where it stands, without holding up the others.
      String notSized = follower.settings().sizing().name() + ": not sized";
      return recordUnsent(newCopy(update, follower, id, Quantity.ZERO, notSized, CopyState.FAILED,
          Optional.of(Placement.describe(beforeSending))), "copy_failed", update);
    }
    if (decision instanceof EntryDecision.Skip skip) {
      return recordUnsent(newCopy(update, follower, id, Quantity.ZERO, skip.sizing(), CopyState.SKIPPED,
          Optional.of(skip.reason())), "copy_skipped", update);
    }
    return send(follower, update, (EntryDecision.Send) decision);
  }

  /** Records a copy that will send nothing (SKIPPED, or FAILED before sending), unless one exists already. */
  private CopyMapping recordUnsent(CopyMapping copy, String action, LeaderOrderUpdate update) {
    if (!store.recordIntent(copy)) return store.find(copy.correlationId()).orElse(copy);
    store.audit(auditEntry(action, copy, update, copy.reason(), Optional.empty()));
    return copy;
  }

  private CopyMapping send(Follower follower, LeaderOrderUpdate update, EntryDecision.Send decision) {
    CopyMapping intent = newCopy(update, follower, decision.request().correlationId(),
        decision.request().quantity(), decision.sizing(), CopyState.INTENDED, Optional.empty());
    // The intent is committed before the broker is called: a crash in between leaves an INTENDED copy to
    // resolve by correlation id, never an order the store does not know of.
    if (!store.recordIntent(intent)) return store.find(intent.correlationId()).orElse(intent);
    store.audit(auditEntry("place_order", intent, update, Optional.empty(), Optional.empty()));
    Instant start = clock.instant();
    Placement placement = Placement.attempt(follower.broker(), decision.request());
    Instant end = clock.instant();
    CopyMapping outcome = CopyStateMachine.move(intent, placement.state(), placement.orderId(),
        placement.reason(), end);
    store.update(outcome);
    store.audit(auditEntry("place_order", outcome, update, Optional.of(placement.outcome()),
        Optional.of(Duration.between(start, end).toMillis())));
    return outcome;
  }

  private List<CopyMapping> entryCopiesOf(OrderId leaderOrder) {
    return store.copiesOf(leaderOrder).stream().filter(copy -> copy.step().equals(ENTRY)).toList();
  }

  /** A new entry copy; SKIPPED and FAILED copies carry quantity zero, as nothing of them is placed. */
  private CopyMapping newCopy(LeaderOrderUpdate update, Follower follower, CorrelationId id, Quantity quantity,
      String sizing, CopyState state, Optional<String> reason) {
    Instant now = clock.instant();
    return new CopyMapping(id, update.orderId(), follower.settings().account(), ENTRY, update.instrument(),
        update.side(), update.quantity(), quantity, sizing, state, Optional.empty(), reason, now, now);
  }

  private AuditEntry auditEntry(String action, CopyMapping copy, LeaderOrderUpdate update,
      Optional<String> outcome, Optional<Long> durationMillis) {
    AuditJson detail = new AuditJson()
        .text("follower", copy.follower().value())
        .text("leaderOrderId", copy.leaderOrderId().value())
        .text("instrument", copy.instrument().toString())
        .text("side", copy.side().name())
        .text("orderType", update.orderType().name())
        .number("leaderQuantity", copy.leaderQuantity().units())
        .number("followerQuantity", copy.followerQuantity().units())
        .number("priceRupees", update.price().rupees());
    update.triggerPrice().ifPresent(trigger -> detail.number("triggerRupees", trigger.rupees()));
    return new AuditEntry(clock.instant(), action, Optional.of(copy.follower()),
        Optional.of(copy.leaderOrderId()), Optional.of(copy.correlationId()), detail.toString(), outcome,
        durationMillis);
  }
}
