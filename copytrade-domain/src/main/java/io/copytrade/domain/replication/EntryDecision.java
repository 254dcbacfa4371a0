package io.copytrade.domain.replication;

import io.copytrade.ports.model.Instrument;
import io.copytrade.ports.model.Quantity;

/** What to do for one follower about a new leader position (or a further fill of one). */
sealed interface EntryDecision {
  /**
   * Send {@code quantity} more contracts, bringing the follower to {@code target}.
   *
   * @param sizing the copy's "sizing" text: "strategy: basis"
   */
  record Send(Instrument instrument, Quantity quantity, Quantity target, String sizing) implements EntryDecision {}

  /** Send nothing, because of {@code reason}. */
  record Skip(String reason, String sizing) implements EntryDecision {}

  /** Send nothing, and the follower should take no more entries until someone looks. */
  record Pause(String reason, String sizing) implements EntryDecision {}

  /**
   * Decide nothing yet, and record nothing: the decision needs the premium, which a later event of the
   * order brings (its average traded price).
   */
  record Wait(String reason) implements EntryDecision {}

  /** The follower already has its share; nothing more to send. */
  record UpToDate() implements EntryDecision {}
}
