package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes copies: each is stored as an intent before the broker is called, then moved to what the broker
 * answered; both are audited. A copy whose correlation id is already stored is found, never sent again.
 */
final class CopyWriter {
  private final CopyStore store;
  private final InstantSource clock;

  CopyWriter(CopyStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new copy of one step for one follower; unsent copies carry quantity zero. */
  CopyMapping copy(LeaderOrderUpdate update, Follower follower, Step step, Quantity leaderShare,
      Quantity quantity, String sizing, CopyState state, Optional<String> reason) {
    Instant now = clock.instant();
    return new CopyMapping(
        CorrelationId.derive(update.orderId(), follower.settings().account(), step.name()),
        update.orderId(), follower.settings().account(), step.name(), update.instrument(), update.side(),
        leaderShare, quantity, sizing, state, Optional.empty(), reason, now, now);
  }

  /** Records a copy that will send nothing (SKIPPED, or FAILED before sending), unless one exists already. */
  CopyMapping recordUnsent(CopyMapping copy, String action, OrderTerms terms) {
    if (!store.recordIntent(copy)) return store.find(copy.correlationId()).orElse(copy);
    store.audit(entry(action, copy, terms, copy.reason(), Optional.empty()));
    return copy;
  }

  /**
   * Stores the intent, then makes the write once and records its outcome; {@code action} names it in the
   * audit log ("place_order", "modify_order").
   */
  CopyMapping send(CopyMapping intent, OrderTerms terms, String action, Supplier<PlacementResult> write) {
    // The intent is committed before the broker is called: a crash in between leaves an INTENDED copy to
    // resolve by correlation id, never an order the store does not know of.
    if (!store.recordIntent(intent)) return store.find(intent.correlationId()).orElse(intent);
    store.audit(entry(action, intent, terms, Optional.empty(), Optional.empty()));
    Instant start = clock.instant();
    Placement placement = Placement.attempt(write);
    Instant end = clock.instant();
    CopyMapping outcome = CopyStateMachine.move(intent, placement.state(), placement.orderId(),
        placement.reason(), end);
    store.update(outcome);
    store.audit(entry(action, outcome, terms, Optional.of(placement.outcome()),
        Optional.of(Duration.between(start, end).toMillis())));
    return outcome;
  }

  /** Records a copy's new state, with the audit line of what moved it. */
  CopyMapping record(CopyMapping moved, String action, OrderTerms terms, String outcome, Duration took) {
    store.update(moved);
    store.audit(entry(action, moved, terms, Optional.of(outcome), Optional.of(took.toMillis())));
    return moved;
  }

  /** Audits a write that changed no copy (a refused cancel), with what the broker said. */
  void audit(String action, CopyMapping copy, OrderTerms terms, String outcome, Duration took) {
    store.audit(entry(action, copy, terms, Optional.of(outcome), Optional.of(took.toMillis())));
  }

  Instant now() {
    return clock.instant();
  }

  private AuditEntry entry(String action, CopyMapping copy, OrderTerms terms, Optional<String> outcome,
      Optional<Long> durationMillis) {
    AuditJson detail = new AuditJson()
        .text("follower", copy.follower().value())
        .text("leaderOrderId", copy.leaderOrderId().value())
        .text("instrument", copy.instrument().toString())
        .text("side", copy.side().name())
        .text("orderType", terms.type().name())
        .number("leaderQuantity", copy.leaderQuantity().units())
        .number("followerQuantity", copy.followerQuantity().units())
        .number("priceRupees", terms.price().rupees());
    terms.trigger().ifPresent(trigger -> detail.number("triggerRupees", trigger.rupees()));
    if (!copy.step().equals(Step.ENTRY)) detail.text("step", copy.step());
    return new AuditEntry(clock.instant(), action, Optional.of(copy.follower()),
        Optional.of(copy.leaderOrderId()), Optional.of(copy.correlationId()), detail.toString(), outcome,
        durationMillis);
  }
}
