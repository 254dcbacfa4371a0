package io.copytrade.domain.replication;

import io.copytrade.domain.order.CopyStateMachine;
import io.copytrade.ports.broker.PlacementResult;
import io.copytrade.ports.model.AccountId;
import io.copytrade.ports.model.BrokerOrder;
import io.copytrade.ports.model.CopyState;
import io.copytrade.ports.model.CorrelationId;
import io.copytrade.ports.model.InstrumentKey;
import io.copytrade.ports.model.LeaderOrderUpdate;
import io.copytrade.ports.model.OrderId;
import io.copytrade.ports.model.Quantity;
import io.copytrade.ports.model.Side;
import io.copytrade.ports.store.AuditEntry;
import io.copytrade.ports.store.CopyMapping;
import io.copytrade.ports.store.CopyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes copies: each is stored as an intent before the broker is called, then moved to what the broker
 * answered; both are audited. A copy whose correlation id is already stored is found, never sent again.
 */
final class CopyWriter {
  private final CopyStore store;
  private final InstantSource clock;
  private final DeferredCopies deferred;

  CopyWriter(CopyStore store, InstantSource clock, DeferredCopies deferred) {
    this.store = store;
    this.clock = clock;
    this.deferred = deferred;
  }

  /** A new copy of one step for one follower; unsent copies carry quantity zero. */
  CopyMapping copy(LeaderOrderUpdate update, Follower follower, Step step, Quantity leaderShare,
      Quantity quantity, String sizing, CopyState state, Optional<String> reason) {
    return copy(update.orderId(), update.instrument(), update.side(), follower, step, leaderShare, quantity, sizing,
        state, reason);
  }

  /** A new copy under {@code leaderOrderId}, which a reconciliation names itself (it follows no leader order). */
  CopyMapping copy(OrderId leaderOrderId, InstrumentKey instrument, Side side, Follower follower, Step step,
      Quantity leaderShare, Quantity quantity, String sizing, CopyState state, Optional<String> reason) {
    Instant now = clock.instant();
    AccountId account = follower.settings().account();
    return new CopyMapping(CorrelationId.derive(leaderOrderId, account, step.name()), leaderOrderId, account,
        step.name(), instrument, side, leaderShare, quantity, sizing, state, Optional.empty(), reason, now, now);
  }

  /** Records a copy that will send nothing (SKIPPED, or FAILED before sending), unless one exists already. */
  CopyMapping recordUnsent(CopyMapping copy, String action, OrderTerms terms) {
    if (!store.recordIntent(copy, entry(action, copy, Optional.of(terms), copy.reason(), Optional.empty()))) {
      return store.find(copy.correlationId()).orElse(copy);
    }
    return copy;
  }

  /**
   * Stores the intent and returns the write to make once, which records its outcome; nothing when the intent
   * was stored before (found, never sent again). {@code action} names it in the audit log ("place_order",
   * "modify_order").
   */
  Optional<Runnable> intend(CopyMapping intent, OrderTerms terms, String action, Supplier<PlacementResult> write) {
    // The intent is committed before the broker is called: a crash in between leaves an INTENDED copy to
    // resolve by correlation id, never an order the store does not know of.
    if (!store.recordIntent(intent, beforeSending(action, intent, terms))) return Optional.empty();
    return Optional.of(() -> attempt(intent, terms, action, write, placed(intent, terms)));
  }

  /**
   * Stores a modification's intent, then makes it once (see {@link #intend}); {@code modified} is the follower
   * order as it rests once the broker takes the change.
   */
  void modify(CopyMapping intent, OrderTerms terms, BrokerOrder modified, Supplier<PlacementResult> write) {
    if (store.recordIntent(intent, beforeSending("modify_order", intent, terms))) {
      attempt(intent, terms, "modify_order", write, accepted -> modified.withStatus(accepted.status()));
    }
  }

  /** As {@link #send}, returning what became of the copy: the stored one when it existed already. */
  CopyMapping sent(CopyMapping intent, OrderTerms terms, String action, Supplier<PlacementResult> write) {
    if (!store.recordIntent(intent, beforeSending(action, intent, terms))) {
      return store.find(intent.correlationId()).orElse(intent);
    }
    return attempt(intent, terms, action, write, placed(intent, terms));
  }

  /**
   * Sends a stored INTENDED or UNKNOWN copy again under its correlation id, once the broker was shown not to
   * have it ({@link CopyStateMachine}); the copy is restamped INTENDED first, so a crash during the send
   * waits out the TRANSIT window again.
   */
  CopyMapping resend(CopyMapping absent, String why, OrderTerms terms, Supplier<PlacementResult> write) {
    CopyMapping intent = CopyStateMachine.move(absent, CopyState.INTENDED, Optional.empty(), Optional.of(why),
        clock.instant());
    store.update(intent);
    store.audit(beforeSending("resend_order", intent, terms));
    return attempt(intent, terms, "resend_order", write, placed(intent, terms));
  }

  /** The audit line of a write about to be sent: what is sent, no outcome yet. */
  private AuditEntry beforeSending(String action, CopyMapping intent, OrderTerms terms) {
    return entry(action, intent, Optional.of(terms), intent.reason(), Optional.empty());
  }

  /** A new order as it rests once the broker took it: its terms, nothing filled. */
  private static Function<PlacementResult.Accepted, BrokerOrder> placed(CopyMapping intent, OrderTerms terms) {
    return accepted -> terms.order(intent, accepted);
  }

  /**
   * Makes the write, its intent and pre-send audit line stored, and records what came of it; once the broker
   * took it, with the follower order as it then rests ({@code resting}), so the leader order's next event finds
   * the copy without a read (see RestingCopies) before the follower's own socket reports it.
   */
  private CopyMapping attempt(CopyMapping intent, OrderTerms terms, String action,
      Supplier<PlacementResult> write, Function<PlacementResult.Accepted, BrokerOrder> resting) {
    Instant start = clock.instant();
    Placement placement = Placement.attempt(write);
    Instant end = clock.instant();
    if (placement.deferred()) {
      deferred.refused(intent.correlationId());
    } else {
      deferred.sent(intent.correlationId());
    }
    CopyMapping outcome = CopyStateMachine.move(intent, placement.state(), placement.orderId(),
        placement.reason(), end);
    AuditEntry audit = entry(action, outcome, Optional.of(terms), Optional.of(placement.outcome()),
        Optional.of(Duration.between(start, end).toMillis()));
    placement.accepted().map(resting).ifPresentOrElse(order -> store.recordOutcome(outcome, audit, order),
        () -> store.recordOutcome(outcome, audit));
    return outcome;
  }

  /** Records a copy's new state, with the audit line of what moved it. */
  CopyMapping record(CopyMapping moved, String action, OrderTerms terms, String outcome, Duration took) {
    return record(moved, action, Optional.of(terms), outcome, took);
  }

  /** As {@link #record(CopyMapping, String, OrderTerms, String, Duration)}, when no order terms are known. */
  CopyMapping record(CopyMapping moved, String action, Optional<OrderTerms> terms, String outcome, Duration took) {
    store.recordOutcome(moved, entry(action, moved, terms, Optional.of(outcome), Optional.of(took.toMillis())));
    return moved;
  }

  /** Audits a write that changed no copy (a refused cancel), with what the broker said. */
  void audit(String action, CopyMapping copy, OrderTerms terms, String outcome, Duration took) {
    store.audit(entry(action, copy, Optional.of(terms), Optional.of(outcome), Optional.of(took.toMillis())));
  }

  Instant now() {
    return clock.instant();
  }

  private AuditEntry entry(String action, CopyMapping copy, Optional<OrderTerms> terms, Optional<String> outcome,
      Optional<Long> durationMillis) {
    AuditJson detail = new AuditJson()
        .text("follower", copy.follower().value())
        .text("leaderOrderId", copy.leaderOrderId().value())
        .text("instrument", copy.instrument().toString())
        .text("side", copy.side().name());
    terms.ifPresent(known -> detail.text("orderType", known.type().name()));
    detail.number("leaderQuantity", copy.leaderQuantity().units())
        .number("followerQuantity", copy.followerQuantity().units());
    terms.ifPresent(known -> detail.number("priceRupees", known.price().rupees()));
    terms.flatMap(OrderTerms::trigger).ifPresent(trigger -> detail.number("triggerRupees", trigger.rupees()));
    if (!copy.step().equals(Step.ENTRY)) detail.text("step", copy.step());
    return new AuditEntry(clock.instant(), action, Optional.of(copy.follower()),
        Optional.of(copy.leaderOrderId()), Optional.of(copy.correlationId()), detail.toString(), outcome,
        durationMillis);
  }
}
